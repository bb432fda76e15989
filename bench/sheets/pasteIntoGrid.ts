import type { Page } from 'playwright-core';
import type { GridProbe } from './gridProbe.ts';
import { scrollRowIntoView } from './scrollRowIntoView.ts';

/**
 * Pastes `tsv` with its top-left corner at A{row} (1-based), as Ctrl+V of
 * copied cells does: scrolls the row into view, clicks the cell, then hands
 * the grid a paste event carrying the text (headless Chromium has no system
 * clipboard to read).
 */
export async function pasteIntoGrid(page: Page, probe: GridProbe, row: number, tsv: string): Promise<void> {
  // A render still catching up with the scroll can move the row under the pointer: click until A{row} is the selected cell.
  let sel: { row: number; col: number } | null = null;
  for (let i = 0; ; i++) {
    await scrollRowIntoView(page, row);
    const at = await probe.center(row, 0);
    if (at) {
      await page.mouse.click(at.x, at.y);
      // The page may be busy (sealing a snapshot after the last part): give the selection time to show.
      for (let t = 0; t < 30; t++) {
        sel = await probe.selected();
        if (sel?.row === row && sel.col === 0) break;
        await page.waitForTimeout(100);
      }
      if (sel?.row === row && sel.col === 0) break;
    }
    if (i === 5) {
      const hit = at ? await page.evaluate(`(() => { const e = document.elementFromPoint(${at.x}, ${at.y}); return e ? e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).replace(/ /g, '.') : '') : 'nothing'; })()`) : 'no such row';
      throw new Error(`could not select A${row}: the selected cell is ${sel ? `row ${sel.row}, column ${sel.col}` : 'none'}; under the pointer: ${hit}`);
    }
  }
  await page.evaluate(`(() => {
    const data = new DataTransfer();
    data.setData('text/plain', ${JSON.stringify(tsv)});
    (document.activeElement ?? document.body).dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  })()`);
}

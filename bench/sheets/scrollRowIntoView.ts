import type { Page } from 'playwright-core';

/**
 * Scrolls the main grid until row `row` (1-based label) is rendered with
 * three rows to spare on either side (the first rendered rows sit under the
 * column headers' overlay, a click there selects a whole column), walking
 * from the rendered range: rows are as high as the theme makes them (29 px in
 * ht-theme-main, not the 23 asked for). The first rows of the sheet count as
 * in view once the grid is at the top.
 * @throws when it does not get there in 20 steps.
 */
export async function scrollRowIntoView(page: Page, row: number): Promise<void> {
  const step = `(() => {
    const holder = document.querySelector('.ht_master .wtHolder');
    const trs = [...document.querySelectorAll('.ht_master tbody tr')];
    const labels = trs.map((t) => Number(t.querySelector('th')?.textContent));
    const first = labels[0], last = labels[labels.length - 1];
    if ((${row} >= first + 3 || (holder.scrollTop === 0 && ${row} >= first)) && ${row} <= last - 3) return true;
    const rowPx = trs.reduce((n, t) => n + t.offsetHeight, 0) / trs.length;
    holder.scrollTop = Math.max(0, holder.scrollTop + (${row} - first - 5) * rowPx);
    return false;
  })()`;
  for (let i = 0; !(await page.evaluate(step)); i++) {
    if (i === 20) throw new Error(`could not scroll row ${row} into view`);
    await page.waitForTimeout(150);
  }
}

import type { Page } from 'playwright-core';
import type { SheetData } from './buildSheetCsv.ts';
import { createSpreadsheet } from './createSpreadsheet.ts';
import { gridProbe } from './gridProbe.ts';
import { importCsvFile } from './importCsvFile.ts';
import { pasteIntoGrid } from './pasteIntoGrid.ts';
import { waitForSaved } from './waitForSaved.ts';

/** Rows imported, then pasted per block, when the whole sheet cannot go in one import: about 40,000 and 20,000 cells, well below one envelope's 2 MiB. */
const BLOCKS = { firstRows: 2_000, pasteRows: 1_000 };

export type LoadedSheet = {
  path: string;
  /** How the data got in: one CSV import, or (when the server refused that) an import of the first rows and the rest pasted. */
  how: string;
  /** Why the single import was not kept, when it was not. */
  importRefused: string | null;
  importMs: number;
  savedMs: number;
};

/**
 * Loads the benchmark sheet into a new spreadsheet through the UI: a CSV
 * import (File menu, a new tab named after the file), saved on the server.
 * If the server refuses that import, loads it again into a second new
 * spreadsheet as an import of the first `blocks.firstRows` rows (and the last
 * row, so the sheet has all its rows) followed by pastes of `blocks.pasteRows` rows,
 * each saved before the next, so that the open, scroll and edit figures are
 * still of the whole sheet.
 * @param refusal the server's latest refusal since `since`, if any (read from its log).
 */
export async function loadSheetIntoCoffre(page: Page, data: SheetData, tab: string, refusal: (since: number) => string | null, blocks = BLOCKS): Promise<LoadedSheet> {
  const first = await createSpreadsheet(page);
  const since = Date.now();
  const importMs = await importCsvFile(page, data.csv, `${tab}.csv`);
  let importRefused: string | null = null;
  try {
    const savedMs = await waitForSaved(page, 300_000, () => refusal(since));
    return { path: first, how: 'one CSV import', importRefused: null, importMs, savedMs };
  } catch (e) {
    importRefused = (e as Error).message;
  }

  // The page keeps resending what was refused: leave it, and start over in a second spreadsheet.
  const context = page.context();
  await page.close();
  const next = await context.newPage();
  const path = await createSpreadsheet(next);
  const t0 = performance.now();
  const last = data.rows - 1;
  const head = Math.min(blocks.firstRows, data.rows);
  const since2 = Date.now();
  await importCsvFile(next, data.csvOf((r) => r < head || r === last), `${tab}.csv`);
  await waitForSaved(next, 300_000, () => refusal(since2));
  await next.getByRole('tab', { name: tab, exact: true }).click();
  const probe = gridProbe(next);
  await probe.waitFor(1, 1, String(2 * data.a(0)));
  let pastes = 0;
  for (let from = head; from < last; from += blocks.pasteRows, pastes++) {
    const to = Math.min(from + blocks.pasteRows, last);
    await pasteIntoGrid(next, probe, from + 1, data.tsv(from, to));
    await probe.waitFor(from + 1, 1, String(2 * data.a(from))); // one transaction: its first row shows, all of it is in
    await waitForSaved(next, 300_000, () => refusal(since2));
  }
  const savedMs = performance.now() - t0;
  await next.close();
  const how = `an import of rows 1–${head.toLocaleString('en')} and ${data.rows.toLocaleString('en')}, then ${pastes} pastes of ≤ ${blocks.pasteRows.toLocaleString('en')} rows`;
  return { path, how, importRefused, importMs, savedMs };
}

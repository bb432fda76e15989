import type { Page } from 'playwright-core';

/**
 * Imports a CSV through the sheet's File menu (it becomes a new tab named
 * after the file); returns ms from handing over the file until the import
 * reports itself done.
 * @throws with the app's message when the import fails.
 */
export async function importCsvFile(page: Page, csv: string, fileName: string): Promise<number> {
  await page.getByRole('button', { name: 'File' }).click();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('menuitem', { name: 'Import .xlsx or .csv…' }).click()]);
  const t0 = performance.now();
  await chooser.setFiles({ name: fileName, mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const done = page.getByRole('status').filter({ hasText: /^Imported 1 sheet/ });
  const failed = page.getByRole('alert');
  const which = await Promise.race([done.waitFor({ timeout: 120_000 }).then(() => 'done'), failed.waitFor({ timeout: 120_000 }).then(() => 'failed')]);
  if (which === 'failed') throw new Error(`import failed: ${await failed.textContent()}`);
  return performance.now() - t0;
}

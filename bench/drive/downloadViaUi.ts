import type { ChromiumDevice } from './ChromiumDevice.ts';
import type { CdpPage } from './CdpPage.ts';

/**
 * Downloads the current version of the file listed as `fileId` the way a
 * person does: right-click its row, Download. Timed until Chromium reports
 * the download complete (the file written and renamed), so the figure holds
 * whether the drive hands over a finished Blob or streams to disk as it
 * decrypts. Resolves with the time and the saved file, which the caller
 * hashes and deletes.
 */
export async function downloadViaUi(device: ChromiumDevice, page: CdpPage, fileId: string, timeoutMs: number): Promise<{ ms: number; path: string }> {
  // Finished transfers stay listed in a panel over the bottom of the list: cleared first, untimed.
  await page.evaluate(`[...document.querySelectorAll('.transfer-panel button')].find((e) => e.textContent.trim() === 'Clear finished')?.click()`);
  const saved = device.nextDownload(timeoutMs);
  const t0 = performance.now();
  await page.click(`document.querySelector('tr[data-id=${JSON.stringify(fileId)}]')`, 'right');
  const item = `[...document.querySelectorAll('[role=menuitem]')].find((e) => e.textContent.trim() === 'Download')`;
  await page.waitFor(`!!(${item})`, 10_000);
  await page.click(item);
  const file = await saved;
  return { ms: performance.now() - t0, path: file };
}

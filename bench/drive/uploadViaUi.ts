import path from 'node:path';
import type { CdpPage } from './CdpPage.ts';

/**
 * Uploads `file` through the drive's own file chooser (the "Upload files"
 * input), so the real engine runs: `useUploader` → `startUpload` →
 * `FileUpload` (read, seal, PUT each chunk, complete) → the entry recorded
 * in the encrypted folder document and sent to the collab server. Timed from
 * handing over the file until `watcher`, a second signed-in device on the
 * same folder, lists the entry: the upload is complete and saved. Resolves
 * with the time and the new file's id (the row's `data-id`).
 * @throws when it is not listed within `timeoutMs` (the upload failed or stalled).
 */
export async function uploadViaUi(uploader: CdpPage, watcher: CdpPage, file: string, timeoutMs: number): Promise<{ ms: number; fileId: string }> {
  const name = path.basename(file);
  const row = `[...document.querySelectorAll('tr[data-id]')].find((tr) => tr.textContent.includes(${JSON.stringify(name)}))?.getAttribute('data-id')`;
  const listed = watcher.waitFor<string>(row, timeoutMs);
  const t0 = performance.now();
  await uploader.setInputFiles('[data-testid="upload-files"]', [file]);
  try {
    const fileId = await listed;
    return { ms: performance.now() - t0, fileId };
  } catch (e) {
    const panel = await uploader.evaluate<string | null>(`document.querySelector('.transfer-panel')?.textContent ?? null`).catch(() => null);
    throw new Error(`${name} was not listed on the second device (transfer panel: ${panel ?? 'none'})`, { cause: e });
  }
}

import { saveBlob } from './downloadFile.client.ts';
import { DownloadCancelled, openDownloadStream } from './openDownloadStream.client.ts';

/** How a download reached the disk: streamed through the relay worker, saved as one Blob (no service worker), or cancelled in the browser. */
export type SaveOutcome = 'streamed' | 'blob' | 'cancelled';

/**
 * Saves the bytes of `chunks` as a file named `safeName` (already made safe
 * by `safeDownloadName`). Streams them to disk in bounded memory where a
 * service worker can relay them, else gathers a Blob. If `chunks` throws
 * (an integrity failure, a lost connection, a cancel), the streamed download
 * is failed so the browser discards the partial file, and the error is
 * rethrown: nothing is saved.
 * @throws whatever `chunks` throws
 */
export async function saveDownload(safeName: string, chunks: AsyncIterable<Uint8Array>, opts: { size?: number; mime?: string } = {}): Promise<SaveOutcome> {
  const sink = await openDownloadStream(safeName, opts.size ?? null);
  if (!sink) {
    const parts: Blob[] = [];
    for await (const c of chunks) parts.push(new Blob([c as Uint8Array<ArrayBuffer>]));
    saveBlob(new Blob(parts, { type: opts.mime || 'application/octet-stream' }), safeName);
    return 'blob';
  }
  const it = chunks[Symbol.asyncIterator]();
  try {
    for (;;) {
      const next = await it.next();
      if (next.done) break;
      await sink.write(next.value);
    }
    await sink.close();
    return 'streamed';
  } catch (e) {
    if (e instanceof DownloadCancelled) {
      await it.return?.();
      return 'cancelled';
    }
    sink.abort();
    throw e;
  }
}

import { FILE_CHUNK_SIZE } from '@coffre/crypto';
import { safeDownloadName } from '@coffre/docs';
import { makeZip } from 'client-zip';
import { fileChunks, type DownloadSource } from './downloadFile.client.ts';

/** One member of an archive: a file to fetch and decrypt, or a folder (`path` then ends with "/"). */
export type ZipMember = { path: string; lastModified: number } & ({ kind: 'file'; source: DownloadSource; size: number } | { kind: 'folder' });

/**
 * The bytes of an archive of `members`, in order: each file is fetched and
 * decrypted only as the archive asks for it, chunk by chunk, so memory stays
 * bounded whatever the sizes (the caller streams the archive to disk). Any
 * file that fails its integrity check fails the whole archive: the stream
 * throws that file's error before the failing file's last bytes come out.
 * @throws FileIntegrityError, ApiRequestError; Error when a path could name
 * something outside the archive's folder (a bug in the caller).
 */
export async function* zipFiles(members: ZipMember[], opts: { onProgress?: (bytes: number) => void; signal?: AbortSignal } = {}): AsyncGenerator<Uint8Array, void, undefined> {
  for (const m of members) assertContainedPath(m.path);
  let failure: unknown = null;
  let done = 0;
  async function* contents(m: Extract<ZipMember, { kind: 'file' }>) {
    try {
      yield* fileChunks(m.source, { signal: opts.signal, onProgress: (chunks) => opts.onProgress?.(done + Math.min(m.size, chunks * FILE_CHUNK_SIZE)) });
    } catch (e) {
      failure = e;
      throw e;
    }
    done += m.size;
  }
  const entries = members.map((m) =>
    m.kind === 'folder' ? { name: m.path, lastModified: new Date(m.lastModified) } : { name: m.path, lastModified: new Date(m.lastModified), size: m.size, input: contents(m) },
  );
  const reader = makeZip(entries).getReader();
  try {
    for (;;) {
      const { done: end, value } = await reader.read();
      if (end) return;
      yield value;
    }
  } catch (e) {
    // The stream may hand back its own error: the one worth showing is the file's.
    throw failure ?? e;
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

/** Every segment must already be what `safeDownloadName` makes of it: never empty, ".", ".." or a drive, and no separator. */
function assertContainedPath(path: string): void {
  const segments = (path.endsWith('/') ? path.slice(0, -1) : path).split('/');
  if (segments.some((s) => s === '' || safeDownloadName(s) !== s)) throw new Error('unsafe archive path');
}

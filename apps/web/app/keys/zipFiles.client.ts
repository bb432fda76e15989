import { FILE_CHUNK_SIZE } from '@coffre/crypto';
import { safeDownloadName } from '@coffre/docs';
import { downloadZip } from 'client-zip';
import { downloadFile, type DownloadSource } from './downloadFile.client.ts';

/** One member of an archive: a file to fetch and decrypt, or a folder (`path` then ends with "/"). */
export type ZipMember = { path: string; lastModified: number } & ({ kind: 'file'; source: DownloadSource; size: number } | { kind: 'folder' });

/**
 * Fetches, decrypts and zips `members` in order, one file at a time as the
 * archive asks for it, so only the file being added is held in memory
 * before it reaches the archive (which the browser may page to disk).
 * Any file that fails its integrity check fails the whole archive: nothing
 * of it is returned.
 * @throws FileIntegrityError, ApiRequestError; Error when a path could name
 * something outside the archive's folder (a bug in the caller).
 */
export async function zipFiles(members: ZipMember[], opts: { onProgress?: (bytes: number) => void } = {}): Promise<Blob> {
  for (const m of members) assertContainedPath(m.path);
  let failure: unknown = null;
  async function* inputs() {
    let done = 0;
    for (const m of members) {
      const lastModified = new Date(m.lastModified);
      if (m.kind === 'folder') {
        yield { name: m.path, lastModified };
        continue;
      }
      let blob: Blob;
      try {
        blob = await downloadFile(m.source, { onProgress: (chunks) => opts.onProgress?.(done + Math.min(m.size, chunks * FILE_CHUNK_SIZE)) });
      } catch (e) {
        failure = e;
        throw e;
      }
      done += m.size;
      yield { name: m.path, input: blob, lastModified };
    }
  }
  try {
    return await downloadZip(inputs()).blob();
  } catch (e) {
    // The stream may hand back its own error: the one worth showing is the file's.
    throw failure ?? e;
  }
}

/** Every segment must already be what `safeDownloadName` makes of it: never empty, ".", ".." or a drive, and no separator. */
function assertContainedPath(path: string): void {
  const segments = (path.endsWith('/') ? path.slice(0, -1) : path).split('/');
  if (segments.some((s) => s === '' || safeDownloadName(s) !== s)) throw new Error('unsafe archive path');
}

import { SheetImportError } from './sheetImportError.ts';
import type { XlsxZipEntry } from './XlsxZipEntry.ts';

const LOCAL_HEADER_SIGNATURE = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

/**
 * The bytes of one zip entry, unpacked chunk by chunk with the platform's
 * DecompressionStream, so a caller can stop as soon as it has seen too much.
 * @throws SheetImportError `CORRUPT_FILE` for a bad local header, an unknown method or bad deflate data.
 */
export async function* inflateZipEntry(zip: Uint8Array, entry: XlsxZipEntry): AsyncGenerator<Uint8Array> {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const at = entry.localHeaderOffset;
  if (at + 30 > zip.byteLength || view.getUint32(at, true) !== LOCAL_HEADER_SIGNATURE) throw new SheetImportError('CORRUPT_FILE');
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + entry.compressedSize > zip.byteLength) throw new SheetImportError('CORRUPT_FILE');
  const data = zip.subarray(start, start + entry.compressedSize);
  if (entry.method === STORED) {
    yield data;
    return;
  }
  if (entry.method !== DEFLATED) throw new SheetImportError('CORRUPT_FILE');

  const input = new ReadableStream<BufferSource>({
    start(controller) {
      controller.enqueue(data as Uint8Array<ArrayBuffer>); // never a SharedArrayBuffer here: it came from File.arrayBuffer()
      controller.close();
    },
  });
  const reader = input.pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  let done = false;
  try {
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch {
        done = true; // the stream has errored and is finished
        throw new SheetImportError('CORRUPT_FILE');
      }
      if (chunk.done) {
        done = true;
        return;
      }
      yield chunk.value;
    }
  } finally {
    if (!done) await reader.cancel().catch(() => {});
  }
}

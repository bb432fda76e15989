import { describe, expect, it } from 'vitest';
import { inflateZipEntry } from './inflateZipEntry.ts';
import { inspectXlsxZip } from './inspectXlsxZip.ts';
import { buildZip, deflatedZeros } from '../../../testing/buildZip.ts';
import { codeOf } from './testing/codeOf.ts';
import { xlsxFiles } from './testing/xlsxFiles.ts';

const text = async (chunks: AsyncIterable<Uint8Array>) => {
  const decoder = new TextDecoder();
  let out = '';
  for await (const chunk of chunks) out += decoder.decode(chunk, { stream: true });
  return out + decoder.decode();
};

describe('inflateZipEntry', () => {
  it('unpacks deflated and stored entries', async () => {
    const sheet = `<worksheet>${'<c r="A1"/>'.repeat(1000)}</worksheet>`;
    for (const stored of [false, true]) {
      const zip = buildZip(xlsxFiles(sheet), { stored });
      const entry = inspectXlsxZip(zip)[2]!;
      expect(entry.method).toBe(stored ? 0 : 8);
      expect(await text(inflateZipEntry(zip, entry))).toBe(sheet);
    }
  });

  it('gives large entries in chunks and stops when the caller does', async () => {
    const zeros = deflatedZeros(4);
    const zip = buildZip({ 'zeros.bin': zeros }); // over the ratio limit, so the entry is described by hand
    const entry = { name: 'zeros.bin', method: 8, compressedSize: zeros.deflated.byteLength, uncompressedSize: zeros.size, localHeaderOffset: 0 };
    let chunks = 0;
    let bytes = 0;
    for await (const chunk of inflateZipEntry(zip, entry)) {
      chunks++;
      bytes += chunk.byteLength;
      if (bytes > 1024 * 1024) break;
    }
    expect(chunks).toBeGreaterThan(1);
    expect(bytes).toBeLessThan(4 * 1024 * 1024);
  });

  it('calls bad deflate data, a bad local header or an unknown method CORRUPT_FILE', async () => {
    const drain = async (zip: Uint8Array, index = 2) => codeOf(() => text(inflateZipEntry(zip, inspectXlsxZip(zip)[index]!)));
    const garbage = buildZip({ ...xlsxFiles(), 'xl/media/x.bin': { deflated: Uint8Array.of(0xff, 0xff, 0xff, 0xff), size: 10 } });
    expect(await drain(garbage, 3)).toBe('SheetImportError:CORRUPT_FILE');
    const zip = buildZip(xlsxFiles('<worksheet/>'));
    const entry = inspectXlsxZip(zip)[2]!;
    expect(await codeOf(() => text(inflateZipEntry(zip, { ...entry, localHeaderOffset: entry.localHeaderOffset + 1 })))).toBe('SheetImportError:CORRUPT_FILE');
    expect(await codeOf(() => text(inflateZipEntry(zip, { ...entry, method: 12 })))).toBe('SheetImportError:CORRUPT_FILE');
    expect(await codeOf(() => text(inflateZipEntry(zip, { ...entry, compressedSize: zip.byteLength })))).toBe('SheetImportError:CORRUPT_FILE');
    expect(await codeOf(() => text(inflateZipEntry(zip, { ...entry, compressedSize: entry.compressedSize - 2 })))).toBe('SheetImportError:CORRUPT_FILE');
  });
});

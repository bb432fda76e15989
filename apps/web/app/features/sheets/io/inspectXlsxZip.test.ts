import { describe, expect, it } from 'vitest';
import { inspectXlsxZip } from './inspectXlsxZip.ts';
import { SHEET_IMPORT_LIMITS } from './sheetImportLimits.ts';
import { buildZip, deflatedZeros } from '../../../testing/buildZip.ts';
import { codeOf } from './testing/codeOf.ts';
import { xlsxFiles } from './testing/xlsxFiles.ts';

const code = (bytes: Uint8Array) => codeOf(() => inspectXlsxZip(bytes));
const ole = (...streams: string[]) => {
  const names = streams.flatMap((name) => [...name].flatMap((ch) => [ch.charCodeAt(0), 0]));
  return Uint8Array.of(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Uint8Array(504), ...names);
};

describe('inspectXlsxZip', () => {
  it('returns the directory of a zip with a workbook', () => {
    const entries = inspectXlsxZip(buildZip(xlsxFiles('<worksheet>x</worksheet>')));
    expect(entries.map((e) => [e.name, e.method, e.uncompressedSize])).toEqual([
      ['[Content_Types].xml', 8, 8],
      ['xl/workbook.xml', 8, 11],
      ['xl/worksheets/sheet1.xml', 8, 24],
    ]);
    expect(entries[0]!.localHeaderOffset).toBe(0);
  });

  it('calls random bytes NOT_A_SPREADSHEET and a damaged zip CORRUPT_FILE', async () => {
    const zip = buildZip(xlsxFiles());
    expect(await code(Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 251))).toBe('SheetImportError:NOT_A_SPREADSHEET');
    expect(await code(new Uint8Array())).toBe('SheetImportError:NOT_A_SPREADSHEET');
    expect(await code(new TextEncoder().encode('%PDF-1.7\n'))).toBe('SheetImportError:NOT_A_SPREADSHEET');
    expect(await code(zip.subarray(0, zip.byteLength - 5))).toBe('SheetImportError:CORRUPT_FILE');
    expect(await code(zip.subarray(0, zip.byteLength / 2))).toBe('SheetImportError:CORRUPT_FILE');
    expect(await code(buildZip({ 'xl/workbook.xml': '<workbook/>' }))).toBe('SheetImportError:CORRUPT_FILE');
  });

  it('calls a zip without xl/workbook.xml (a .docx, an .ods) NOT_A_SPREADSHEET', async () => {
    expect(await code(buildZip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' }))).toBe('SheetImportError:NOT_A_SPREADSHEET');
    expect(await code(buildZip({ '[Content_Types].xml': '<Types/>', mimetype: 'application/vnd.oasis.opendocument.spreadsheet' }))).toBe('SheetImportError:NOT_A_SPREADSHEET');
  });

  it('tells OLE files apart: encrypted workbook, legacy .xls, other Office files', async () => {
    expect(await code(ole('Root Entry', 'EncryptionInfo', 'EncryptedPackage'))).toBe('SheetImportError:ENCRYPTED_WORKBOOK');
    expect(await code(ole('Root Entry', 'Workbook'))).toBe('SheetImportError:LEGACY_XLS');
    expect(await code(ole())).toBe('SheetImportError:LEGACY_XLS');
    expect(await code(ole('Root Entry', 'WordDocument'))).toBe('SheetImportError:NOT_A_SPREADSHEET');
  });

  it('refuses a file over MAX_XLSX_BYTES without reading it', () => {
    expect(() => inspectXlsxZip(new Uint8Array(SHEET_IMPORT_LIMITS.MAX_XLSX_BYTES + 1))).toThrow(expect.objectContaining({ code: 'FILE_TOO_LARGE', limit: 'MAX_XLSX_BYTES' }));
  });

  it('refuses a zip bomb, a tiny zip of a huge run of zeros, by its compression ratio', () => {
    const bomb = buildZip({ ...xlsxFiles(), 'xl/worksheets/sheet2.xml': deflatedZeros(64) });
    expect(bomb.byteLength).toBeLessThan(100_000);
    expect(() => inspectXlsxZip(bomb)).toThrow(expect.objectContaining({ code: 'FILE_TOO_LARGE', limit: 'MAX_XLSX_COMPRESSION_RATIO' }));
  });

  it('refuses parts declaring more than MAX_XLSX_UNCOMPRESSED_BYTES in all, or a zip64 size', () => {
    const part = { deflated: new Uint8Array(1024 * 1024), size: 40 * 1024 * 1024 }; // 40:1, a plausible ratio
    expect(() => inspectXlsxZip(buildZip({ ...xlsxFiles(), 'xl/media/a.bin': part, 'xl/media/b.bin': part }))).not.toThrow();
    expect(() => inspectXlsxZip(buildZip({ ...xlsxFiles(), 'xl/media/a.bin': part, 'xl/media/b.bin': part, 'xl/media/c.bin': part }))).toThrow(
      expect.objectContaining({ code: 'FILE_TOO_LARGE', limit: 'MAX_XLSX_UNCOMPRESSED_BYTES' }),
    );
    expect(() => inspectXlsxZip(buildZip(xlsxFiles(), { declaredSize: 0xffffffff }))).toThrow(expect.objectContaining({ code: 'FILE_TOO_LARGE', limit: 'MAX_XLSX_UNCOMPRESSED_BYTES' }));
  });

  it('refuses more than MAX_XLSX_ENTRIES files', () => {
    const files: Record<string, string> = xlsxFiles();
    for (let i = 0; i < SHEET_IMPORT_LIMITS.MAX_XLSX_ENTRIES; i++) files[`xl/media/${i}.txt`] = '';
    expect(() => inspectXlsxZip(buildZip(files, { stored: true }))).toThrow(expect.objectContaining({ code: 'FILE_TOO_LARGE', limit: 'MAX_XLSX_ENTRIES' }));
  });

  it('reads a view into a larger buffer', () => {
    const zip = buildZip(xlsxFiles());
    const padded = new Uint8Array(zip.byteLength + 20);
    padded.set(zip, 10);
    expect(inspectXlsxZip(padded.subarray(10, 10 + zip.byteLength))).toHaveLength(3);
  });
});

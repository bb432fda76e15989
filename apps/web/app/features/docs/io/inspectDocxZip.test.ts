import { describe, expect, it } from 'vitest';
import { IMPORT_LIMITS } from './importLimits.ts';
import { inspectDocxZip } from './inspectDocxZip.ts';
import { buildZip } from './testing/buildZip.ts';

const docxFiles = { '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' };
const code = (bytes: Uint8Array) => {
  try {
    inspectDocxZip(bytes);
    return 'OK';
  } catch (error) {
    return (error as { code: string }).code;
  }
};

describe('inspectDocxZip', () => {
  it('accepts a zip with a Word body', () => {
    expect(code(buildZip(docxFiles))).toBe('OK');
  });

  it('calls garbage, empty and truncated input MALFORMED_FILE', () => {
    const zip = buildZip(docxFiles);
    expect(code(new TextEncoder().encode('this is not a word document at all'))).toBe('MALFORMED_FILE');
    expect(code(new Uint8Array())).toBe('MALFORMED_FILE');
    expect(code(zip.subarray(0, zip.byteLength - 5))).toBe('MALFORMED_FILE');
    expect(code(buildZip({ 'word/document.xml': 'x' }))).toBe('MALFORMED_FILE');
  });

  it('calls other real formats UNSUPPORTED_FILE', () => {
    expect(code(Uint8Array.of(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0))).toBe('UNSUPPORTED_FILE');
    expect(code(new TextEncoder().encode('%PDF-1.7\n'))).toBe('UNSUPPORTED_FILE');
    expect(code(buildZip({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook/>' }))).toBe('UNSUPPORTED_FILE');
  });

  it('calls a file over MAX_DOCX_BYTES TOO_LARGE without reading it', () => {
    expect(() => inspectDocxZip(new Uint8Array(IMPORT_LIMITS.MAX_DOCX_BYTES + 1))).toThrow(expect.objectContaining({ code: 'TOO_LARGE', limitBytes: IMPORT_LIMITS.MAX_DOCX_BYTES }));
  });

  it('calls a zip declaring more than MAX_DOCX_UNCOMPRESSED_BYTES TOO_LARGE (zip bomb)', () => {
    const bomb = buildZip({ ...docxFiles, 'word/media/a.bin': 'x', 'word/media/b.bin': 'y' }, { declaredSize: IMPORT_LIMITS.MAX_DOCX_UNCOMPRESSED_BYTES / 2 });
    expect(() => inspectDocxZip(bomb)).toThrow(expect.objectContaining({ code: 'TOO_LARGE', limitBytes: IMPORT_LIMITS.MAX_DOCX_UNCOMPRESSED_BYTES }));
    expect(code(buildZip(docxFiles, { declaredSize: 0xffffffff }))).toBe('TOO_LARGE');
  });
});

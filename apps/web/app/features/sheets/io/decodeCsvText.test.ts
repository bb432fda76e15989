import { describe, expect, it } from 'vitest';
import { decodeCsvText } from './decodeCsvText.ts';
import { SHEET_IMPORT_LIMITS } from './sheetImportLimits.ts';
import { codeOf } from './testing/codeOf.ts';

const utf16 = (text: string, littleEndian: boolean) => {
  const bytes = new Uint8Array(2 + text.length * 2);
  const view = new DataView(bytes.buffer);
  view.setUint16(0, 0xfeff, littleEndian);
  for (let i = 0; i < text.length; i++) view.setUint16(2 + i * 2, text.charCodeAt(i), littleEndian);
  return bytes;
};

describe('decodeCsvText', () => {
  it('decodes UTF-8, without its byte-order mark', () => {
    expect(decodeCsvText(new TextEncoder().encode('\uFEFFcafé;€'))).toBe('café;€');
  });

  it('decodes UTF-16 little- and big-endian with a byte-order mark', () => {
    expect(decodeCsvText(utf16('a\tb€', true))).toBe('a\tb€');
    expect(decodeCsvText(utf16('a\tb€', false))).toBe('a\tb€');
  });

  it('refuses invalid UTF-8 (such as Latin-1) with INVALID_TEXT_ENCODING', async () => {
    expect(await codeOf(() => decodeCsvText(Uint8Array.of(0x63, 0x61, 0x66, 0xe9)))).toBe('SheetImportError:INVALID_TEXT_ENCODING');
  });

  it('refuses binary content with NOT_A_SPREADSHEET', async () => {
    expect(await codeOf(() => decodeCsvText(Uint8Array.of(0x50, 0x4b, 0x03, 0x04, 0x14, 0x00)))).toBe('SheetImportError:NOT_A_SPREADSHEET');
  });

  it('refuses more than MAX_CSV_BYTES before decoding', () => {
    expect(() => decodeCsvText(new Uint8Array(SHEET_IMPORT_LIMITS.MAX_CSV_BYTES + 1).fill(0xff))).toThrow(expect.objectContaining({ code: 'FILE_TOO_LARGE', limit: 'MAX_CSV_BYTES' }));
  });
});

import { describe, expect, it } from 'vitest';
import { CALENDAR_IMPORT_LIMITS } from './calendarImportLimits.ts';
import { decodeIcsText } from './decodeIcsText.ts';
import { codeOf } from './testing/codeOf.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('decodeIcsText', () => {
  it('decodes UTF-8, without its byte-order mark, after leading blank lines', () => {
    expect(decodeIcsText(bytes('\uFEFFBEGIN:VCALENDAR\r\nX:café\r\n'))).toBe('BEGIN:VCALENDAR\r\nX:café\r\n');
    expect(decodeIcsText(bytes('\r\n\r\nbegin:vcalendar\r\n'))).toBe('\r\n\r\nbegin:vcalendar\r\n');
  });

  it('refuses what does not start with BEGIN:VCALENDAR with NOT_AN_ICS_FILE', () => {
    expect(codeOf(() => decodeIcsText(bytes('BEGIN:VCARD\r\nFN:Ada\r\nEND:VCARD\r\n')))).toBe('CalendarImportError:NOT_AN_ICS_FILE');
    expect(codeOf(() => decodeIcsText(bytes('BEGIN:VEVENT\r\nEND:VEVENT\r\n')))).toBe('CalendarImportError:NOT_AN_ICS_FILE');
    expect(codeOf(() => decodeIcsText(Uint8Array.of(0x25, 0x50, 0x44, 0x46, 0xff)))).toBe('CalendarImportError:NOT_AN_ICS_FILE');
    expect(codeOf(() => decodeIcsText(new Uint8Array(0)))).toBe('CalendarImportError:NOT_AN_ICS_FILE');
  });

  it('refuses invalid UTF-8 (such as Windows-1252) with INVALID_TEXT_ENCODING', () => {
    const latin1 = Uint8Array.from([...bytes('BEGIN:VCALENDAR\r\nSUMMARY:caf'), 0xe9, 0x0d, 0x0a]);
    expect(codeOf(() => decodeIcsText(latin1))).toBe('CalendarImportError:INVALID_TEXT_ENCODING');
  });

  it('refuses NUL bytes with CORRUPT_FILE', () => {
    expect(codeOf(() => decodeIcsText(bytes('BEGIN:VCALENDAR\r\n\u0000')))).toBe('CalendarImportError:CORRUPT_FILE');
  });

  it('refuses more than MAX_ICS_BYTES before decoding', () => {
    expect(() => decodeIcsText(new Uint8Array(CALENDAR_IMPORT_LIMITS.MAX_ICS_BYTES + 1).fill(0x41))).toThrow(
      expect.objectContaining({ code: 'FILE_TOO_LARGE', limit: 'MAX_ICS_BYTES' }),
    );
  });
});

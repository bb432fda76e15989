import { CalendarImportError } from './calendarImportError.ts';
import { CALENDAR_IMPORT_LIMITS } from './calendarImportLimits.ts';

const MAGIC = 'BEGIN:VCALENDAR';
const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * .ics bytes as text, strictly UTF-8 (RFC 5545's charset): guessing a legacy
 * code page would silently turn accented letters into other letters. The
 * header is checked on the bytes first, so that random bytes or another kind
 * of file get "not a calendar" rather than "not UTF-8".
 * @throws CalendarImportError `FILE_TOO_LARGE`, `NOT_AN_ICS_FILE`, `INVALID_TEXT_ENCODING`, or `CORRUPT_FILE` for NUL bytes.
 */
export function decodeIcsText(bytes: Uint8Array): string {
  if (bytes.byteLength > CALENDAR_IMPORT_LIMITS.MAX_ICS_BYTES) throw new CalendarImportError('FILE_TOO_LARGE', 'MAX_ICS_BYTES');
  let start = UTF8_BOM.every((b, i) => bytes[i] === b) ? UTF8_BOM.length : 0;
  // Some exporters put blank lines before the first line.
  while (start < bytes.length && (bytes[start] === 0x0d || bytes[start] === 0x0a || bytes[start] === 0x20 || bytes[start] === 0x09)) start++;
  const head = String.fromCharCode(...bytes.subarray(start, start + MAGIC.length));
  if (head.toUpperCase() !== MAGIC) throw new CalendarImportError('NOT_AN_ICS_FILE');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new CalendarImportError('INVALID_TEXT_ENCODING');
  }
  if (text.includes('\u0000')) throw new CalendarImportError('CORRUPT_FILE');
  return text;
}

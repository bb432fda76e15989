import { CALENDAR_LIMITS } from './calendarLayout.ts';

const DAY = 86_400_000;

/** The number written in `s` at [from, from + n), or -1 if that is not all digits. */
function digits(s: string, from: number, n: number): number {
  let v = 0;
  for (let i = from; i < from + n; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/**
 * A wall-clock time (`YYYY-MM-DDTHH:mm`, or `YYYY-MM-DD` when `allDay`) as
 * "floating" milliseconds: the UTC instant with the same fields, which is what
 * rrule computes with. Null for anything else, including dates that do not
 * exist (Feb 30) and years rrule cannot reach. Never throws.
 */
export function parseWallClock(value: unknown, allDay: boolean): number | null {
  // by hand rather than by RegExp: every expansion parses every key of every event
  if (typeof value !== 'string' || value.length !== (allDay ? 10 : 16)) return null;
  if (value[4] !== '-' || value[7] !== '-') return null;
  if (!allDay && (value[10] !== 'T' || value[13] !== ':')) return null;
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 2);
  const day = digits(value, 8, 2);
  const hour = allDay ? 0 : digits(value, 11, 2);
  const minute = allDay ? 0 : digits(value, 14, 2);
  if (year < CALENDAR_LIMITS.MIN_YEAR || year > CALENDAR_LIMITS.MAX_YEAR) return null;
  if (month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59) return null;
  const ms = Date.UTC(year, month - 1, day, hour, minute);
  // Date.UTC rolls Feb 30 over into March; a date that changed did not exist
  return new Date(ms).getUTCDate() === day ? ms : null;
}

/**
 * Like `parseWallClock`, but a time written in the other form is converted
 * (a date reads as its midnight, a date-time as its date), so an event whose
 * `allDay` and `start` two people changed at once still reads.
 */
export function parseWallClockLoosely(value: unknown, allDay: boolean): number | null {
  const exact = parseWallClock(value, allDay);
  if (exact !== null) return exact;
  const other = parseWallClock(value, !allDay);
  if (other === null) return null;
  return allDay ? Math.floor(other / DAY) * DAY : other;
}

import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { vtimezoneLines } from './vtimezoneLines.ts';
import { wallClockMs } from './wallClockMs.ts';
import { zonedInstant } from './zonedInstant.ts';
import { zoneOffsetMs } from './zoneOffsetMs.ts';

const timezoneOf = (lines: string[]) => new ICAL.Timezone(new ICAL.Component(ICAL.parse(['BEGIN:VCALENDAR', ...lines, 'END:VCALENDAR', ''].join('\r\n'))).getFirstSubcomponent('vtimezone')!);

/** Offsets ical.js reads from the VTIMEZONE that differ from the platform's, at noon every fifth day. */
function mismatches(zone: string, fromYear: number, toYear: number, checkUntil: number): string[] {
  const timezone = timezoneOf(vtimezoneLines(zone, fromYear, toYear));
  const wrong: string[] = [];
  for (let ms = Date.UTC(fromYear, 0, 1, 12); ms < Date.UTC(checkUntil + 1, 0, 1); ms += 5 * 86_400_000) {
    const d = new Date(ms);
    const wall = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: 12, minute: 0, second: 0 };
    const expected = zoneOffsetMs(zonedInstant(wall, zone), zone) / 1000;
    const actual = timezone.utcOffset(new ICAL.Time({ ...wall, isDate: false }, ICAL.Timezone.localTimezone));
    if (actual !== expected) wrong.push(`${d.toISOString().slice(0, 10)}: ${actual} ≠ ${expected}`);
  }
  return wrong;
}

describe('vtimezoneLines', () => {
  it('writes today’s rules as open-ended yearly RRULEs', () => {
    const lines = vtimezoneLines('Europe/Paris', 2024, 2027);
    expect(lines).toContain('RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU');
    expect(lines).toContain('RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU');
    expect(lines).toContain('DTSTART:20240331T020000');
    expect(vtimezoneLines('America/New_York', 2024, 2027)).toContain('RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU');
    expect(vtimezoneLines('Asia/Jerusalem', 2024, 2027)).toContain('RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=FR;BYMONTHDAY=23,24,25,26,27,28,29');
  });

  it('gives ical.js the platform’s offsets, within the range and years after it', () => {
    for (const zone of ['Europe/Paris', 'America/New_York', 'Australia/Sydney', 'Asia/Jerusalem', 'Australia/Lord_Howe', 'Pacific/Auckland', 'Europe/Dublin']) {
      expect(mismatches(zone, 2015, 2027, 2034), zone).toEqual([]);
    }
  });

  it('ends rules that stopped, and handles zones without changes', () => {
    expect(mismatches('America/Sao_Paulo', 2012, 2027, 2034)).toEqual([]);
    expect(mismatches('Europe/Istanbul', 2010, 2027, 2034)).toEqual([]);
    expect(mismatches('Asia/Tokyo', 2020, 2027, 2030)).toEqual([]);
    expect(mismatches('Asia/Kolkata', 2020, 2027, 2030)).toEqual([]);
    expect(mismatches('UTC', 2020, 2027, 2030)).toEqual([]);
    expect(vtimezoneLines('Asia/Tokyo', 2020, 2027).filter((l) => l.startsWith('BEGIN:'))).toEqual(['BEGIN:VTIMEZONE', 'BEGIN:STANDARD']);
  });

  it('covers a history of changing rules', () => {
    expect(mismatches('America/New_York', 1995, 2027, 2030)).toEqual([]);
    expect(mismatches('Europe/Moscow', 2005, 2027, 2030)).toEqual([]);
  });
});

import '../../testing/failOnConsoleError.ts';
import { describe, expect, it } from 'vitest';
import { buildCalendarEvent } from '../../testing/buildCalendarEvent.ts';
import type { CalendarEventData, Occurrence, RecurrenceRule } from './CalendarData.ts';
import { CALENDAR_LIMITS } from './calendarLayout.ts';
import { expandOccurrences } from './expandOccurrences.ts';

const utc = (iso: string) => Date.parse(`${iso}Z`);
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 16);
const starts = (occurrences: Occurrence[]) => occurrences.map((o) => iso(o.startMs));
const dates = (occurrences: Occurrence[]) => occurrences.map((o) => iso(o.startMs).slice(0, 10));

/** A one-hour 09:00 UTC event repeating by `rule` from `start`, expanded over [from, to). */
function expand(rule: RecurrenceRule, start: string, from: string, to: string, extra: Partial<CalendarEventData> = {}): Occurrence[] {
  const end = `${start.slice(0, 11)}10:00`;
  const event = buildCalendarEvent({ timeZone: 'UTC', start, end, recurrence: rule, ...extra });
  return expandOccurrences([event], utc(from), utc(to));
}

describe('recurrence patterns', () => {
  it('daily', () => {
    expect(starts(expand({ freq: 'DAILY', interval: 1 }, '2024-03-04T09:00', '2024-03-04T00:00', '2024-03-08T00:00'))).toEqual([
      '2024-03-04T09:00',
      '2024-03-05T09:00',
      '2024-03-06T09:00',
      '2024-03-07T09:00',
    ]);
  });

  it('on weekdays, weekly Monday to Friday: no Saturdays or Sundays', () => {
    const o = expand({ freq: 'WEEKLY', interval: 1, byWeekday: ['MO', 'TU', 'WE', 'TH', 'FR'] }, '2024-03-04T09:00', '2024-03-04T00:00', '2024-03-18T00:00');
    expect(o).toHaveLength(10);
    expect(o.map((x) => new Date(x.startMs).getUTCDay()).filter((d) => d === 0 || d === 6)).toEqual([]);
  });

  it('weekly on chosen days', () => {
    expect(dates(expand({ freq: 'WEEKLY', interval: 1, byWeekday: ['TU', 'TH'] }, '2024-03-05T09:00', '2024-03-01T00:00', '2024-03-16T00:00'))).toEqual([
      '2024-03-05',
      '2024-03-07',
      '2024-03-12',
      '2024-03-14',
    ]);
  });

  it('weekly without days: the start day', () => {
    expect(dates(expand({ freq: 'WEEKLY', interval: 1 }, '2024-03-06T09:00', '2024-03-01T00:00', '2024-03-21T00:00'))).toEqual(['2024-03-06', '2024-03-13', '2024-03-20']);
  });

  it('monthly on the 31st skips the months without one (RFC 5545)', () => {
    expect(dates(expand({ freq: 'MONTHLY', interval: 1 }, '2024-01-31T09:00', '2024-01-01T00:00', '2024-09-01T00:00'))).toEqual([
      '2024-01-31',
      '2024-03-31',
      '2024-05-31',
      '2024-07-31',
      '2024-08-31',
    ]);
    expect(dates(expand({ freq: 'MONTHLY', interval: 1, byMonthDay: [31] }, '2024-01-31T09:00', '2024-01-01T00:00', '2024-05-01T00:00'))).toEqual(['2024-01-31', '2024-03-31']);
  });

  it('monthly on the last day', () => {
    expect(dates(expand({ freq: 'MONTHLY', interval: 1, byMonthDay: [-1] }, '2024-01-31T09:00', '2024-01-01T00:00', '2024-05-01T00:00'))).toEqual([
      '2024-01-31',
      '2024-02-29',
      '2024-03-31',
      '2024-04-30',
    ]);
  });

  it('monthly on the nth weekday (2nd Tuesday)', () => {
    expect(dates(expand({ freq: 'MONTHLY', interval: 1, byWeekday: ['TU'], bySetPos: 2 }, '2024-01-09T09:00', '2024-01-01T00:00', '2024-04-01T00:00'))).toEqual([
      '2024-01-09',
      '2024-02-13',
      '2024-03-12',
    ]);
  });

  it('monthly on the last Friday, and on the last weekday', () => {
    expect(dates(expand({ freq: 'MONTHLY', interval: 1, byWeekday: ['FR'], bySetPos: -1 }, '2024-01-26T09:00', '2024-01-01T00:00', '2024-04-01T00:00'))).toEqual([
      '2024-01-26',
      '2024-02-23',
      '2024-03-29',
    ]);
    const weekdays: RecurrenceRule = { freq: 'MONTHLY', interval: 1, byWeekday: ['MO', 'TU', 'WE', 'TH', 'FR'], bySetPos: -1 };
    expect(dates(expand(weekdays, '2024-01-31T09:00', '2024-01-01T00:00', '2024-07-01T00:00'))).toEqual([
      '2024-01-31',
      '2024-02-29',
      '2024-03-29',
      '2024-04-30',
      '2024-05-31',
      '2024-06-28',
    ]);
  });

  it('yearly, on a date and on the nth weekday of a month; Feb 29 every leap year', () => {
    expect(dates(expand({ freq: 'YEARLY', interval: 1 }, '2024-03-04T09:00', '2024-01-01T00:00', '2027-01-01T00:00'))).toEqual(['2024-03-04', '2025-03-04', '2026-03-04']);
    const thanksgiving: RecurrenceRule = { freq: 'YEARLY', interval: 1, byMonth: [11], byWeekday: ['TH'], bySetPos: 4 };
    expect(dates(expand(thanksgiving, '2024-11-28T09:00', '2024-01-01T00:00', '2027-01-01T00:00'))).toEqual(['2024-11-28', '2025-11-27', '2026-11-26']);
    expect(dates(expand({ freq: 'YEARLY', interval: 1 }, '2024-02-29T09:00', '2024-01-01T00:00', '2033-01-01T00:00'))).toEqual(['2024-02-29', '2028-02-29', '2032-02-29']);
  });

  it('custom intervals: every 3 days, every 2 weeks, every 2 months', () => {
    expect(dates(expand({ freq: 'DAILY', interval: 3 }, '2024-03-04T09:00', '2024-03-01T00:00', '2024-03-14T00:00'))).toEqual(['2024-03-04', '2024-03-07', '2024-03-10', '2024-03-13']);
    expect(dates(expand({ freq: 'WEEKLY', interval: 2, byWeekday: ['MO', 'FR'] }, '2024-03-04T09:00', '2024-03-01T00:00', '2024-03-30T00:00'))).toEqual([
      '2024-03-04',
      '2024-03-08',
      '2024-03-18',
      '2024-03-22',
    ]);
    expect(dates(expand({ freq: 'MONTHLY', interval: 2 }, '2024-01-15T09:00', '2024-01-01T00:00', '2024-08-01T00:00'))).toEqual(['2024-01-15', '2024-03-15', '2024-05-15', '2024-07-15']);
  });

  it('until is the last possible start, inclusive', () => {
    expect(dates(expand({ freq: 'DAILY', interval: 1, until: '2024-03-06T09:00' }, '2024-03-04T09:00', '2024-03-01T00:00', '2024-04-01T00:00'))).toEqual([
      '2024-03-04',
      '2024-03-05',
      '2024-03-06',
    ]);
    expect(expand({ freq: 'DAILY', interval: 1, until: '2024-03-06T08:59' }, '2024-03-04T09:00', '2024-03-01T00:00', '2024-04-01T00:00')).toHaveLength(2);
  });

  it('count counts from the start, whatever range is asked', () => {
    const rule: RecurrenceRule = { freq: 'WEEKLY', interval: 1, count: 3 };
    expect(dates(expand(rule, '2024-03-04T09:00', '2024-01-01T00:00', '2025-01-01T00:00'))).toEqual(['2024-03-04', '2024-03-11', '2024-03-18']);
    expect(dates(expand(rule, '2024-03-04T09:00', '2024-03-12T00:00', '2025-01-01T00:00'))).toEqual(['2024-03-18']);
  });

  it('a long-running series costs the same to ask about today (it starts rrule near the range)', () => {
    const o = expand({ freq: 'DAILY', interval: 1 }, '1990-01-01T09:00', '2024-03-04T00:00', '2024-03-06T00:00');
    expect(dates(o)).toEqual(['2024-03-04', '2024-03-05']);
    expect(o[0]!.occurrenceKey).toBe('2024-03-04T09:00');
  });
});

describe('exceptions and overrides', () => {
  const rule: RecurrenceRule = { freq: 'DAILY', interval: 1 };

  it('skips cancelled occurrences', () => {
    expect(dates(expand(rule, '2024-03-04T09:00', '2024-03-04T00:00', '2024-03-08T00:00', { exceptions: ['2024-03-05T09:00'] }))).toEqual(['2024-03-04', '2024-03-06', '2024-03-07']);
  });

  it('replaces fields of one occurrence, keyed by its original start', () => {
    const o = expand(rule, '2024-03-04T09:00', '2024-03-04T00:00', '2024-03-07T00:00', { overrides: { '2024-03-05T09:00': { title: 'Retro', start: '2024-03-05T14:00', color: '#ff0000' } } });
    expect(o.map((x) => [x.title, x.occurrenceKey, x.start, x.end])).toEqual([
      ['Stand-up', '2024-03-04T09:00', '2024-03-04T09:00', '2024-03-04T10:00'],
      ['Retro', '2024-03-05T09:00', '2024-03-05T14:00', '2024-03-05T15:00'],
      ['Stand-up', '2024-03-06T09:00', '2024-03-06T09:00', '2024-03-06T10:00'],
    ]);
    expect(o[1]!.color).toBe('#ff0000');
    expect(o[0]!.color).toBeUndefined();
  });

  it('an override moves an occurrence into the range from far outside it, and out of it', () => {
    const overrides = { '2024-01-01T09:00': { start: '2024-06-10T12:00', end: '2024-06-10T13:00' }, '2024-06-10T09:00': { start: '2024-08-01T09:00', end: '2024-08-01T10:00' } };
    const o = expand(rule, '2024-01-01T09:00', '2024-06-10T00:00', '2024-06-11T00:00', { overrides });
    expect(o.map((x) => [x.occurrenceKey, iso(x.startMs)])).toEqual([['2024-01-01T09:00', '2024-06-10T12:00']]);
  });

  it('an override for a time that is not an occurrence, or a cancelled one, shows nothing', () => {
    const overrides = { '2024-03-05T10:00': { start: '2024-03-06T12:00' }, '2024-03-01T09:00': { start: '2024-03-06T13:00' } };
    const o = expand(rule, '2024-03-04T09:00', '2024-03-06T00:00', '2024-03-07T00:00', { overrides, exceptions: ['2024-03-01T09:00'] });
    expect(o.map((x) => x.occurrenceKey)).toEqual(['2024-03-06T09:00']);
  });
});

describe('all-day events', () => {
  it('are dates, the end exclusive, at midnight UTC', () => {
    const e = buildCalendarEvent({ allDay: true, start: '2024-03-04', end: '2024-03-06', timeZone: 'Asia/Tokyo' });
    const [o, ...rest] = expandOccurrences([e], utc('2024-03-05T12:00'), utc('2024-03-05T13:00'));
    expect(rest).toEqual([]);
    expect(o).toMatchObject({ allDay: true, start: '2024-03-04', end: '2024-03-06', startMs: utc('2024-03-04T00:00'), endMs: utc('2024-03-06T00:00') });
    expect(expandOccurrences([e], utc('2024-03-06T00:00'), utc('2024-03-07T00:00'))).toEqual([]);
  });

  it('repeat by date', () => {
    const e = buildCalendarEvent({ allDay: true, start: '2024-03-04', end: '2024-03-05', recurrence: { freq: 'WEEKLY', interval: 1, until: '2024-03-18' }, exceptions: ['2024-03-11'] });
    expect(expandOccurrences([e], utc('2024-01-01T00:00'), utc('2025-01-01T00:00')).map((o) => o.start)).toEqual(['2024-03-04', '2024-03-18']);
  });
});

describe('the result', () => {
  it('merges all events by start, and a single event shows once with its own start as key', () => {
    const a = buildCalendarEvent({ id: 'a', timeZone: 'UTC', start: '2024-03-05T08:00', end: '2024-03-05T08:30' });
    const b = buildCalendarEvent({ id: 'b', timeZone: 'UTC', recurrence: { freq: 'DAILY', interval: 1 } });
    const o = expandOccurrences([b, a], utc('2024-03-04T00:00'), utc('2024-03-06T00:00'));
    expect(o.map((x) => [x.eventId, iso(x.startMs), x.recurring])).toEqual([
      ['b', '2024-03-04T09:00', true],
      ['a', '2024-03-05T08:00', false],
      ['b', '2024-03-05T09:00', true],
    ]);
    expect(o[1]!.occurrenceKey).toBe('2024-03-05T08:00');
  });

  it('includes occurrences that overlap the range at either end, not ones that only touch it', () => {
    const e = buildCalendarEvent({ timeZone: 'UTC', start: '2024-03-04T23:00', end: '2024-03-05T01:00', recurrence: { freq: 'DAILY', interval: 1 } });
    expect(dates(expandOccurrences([e], utc('2024-03-05T00:00'), utc('2024-03-05T23:00')))).toEqual(['2024-03-04']);
    expect(dates(expandOccurrences([e], utc('2024-03-05T01:00'), utc('2024-03-05T23:01')))).toEqual(['2024-03-05']);
  });

  it('is bounded: at most MAX_OCCURRENCES, the earliest, still sorted', () => {
    const events = Array.from({ length: 10 }, (_, i) =>
      buildCalendarEvent({ id: `e${i}`, timeZone: 'UTC', start: `2024-01-01T${String(i + 8).padStart(2, '0')}:00`, end: `2024-01-01T${String(i + 8).padStart(2, '0')}:30`, recurrence: { freq: 'DAILY', interval: 1 } }),
    );
    const o = expandOccurrences(events, utc('2024-01-01T00:00'), utc('2026-01-01T00:00'));
    expect(o).toHaveLength(CALENDAR_LIMITS.MAX_OCCURRENCES);
    expect(o.every((x, i) => i === 0 || o[i - 1]!.startMs <= x.startMs)).toBe(true);
    // 5,000 of ten a day: the first 500 days
    expect(dates([o[0]!, o[o.length - 1]!])).toEqual(['2024-01-01', '2025-05-14']);
  });

  it('is empty for an empty or reversed range', () => {
    const e = buildCalendarEvent({ recurrence: { freq: 'DAILY', interval: 1 } });
    expect(expandOccurrences([e], utc('2024-03-05T00:00'), utc('2024-03-05T00:00'))).toEqual([]);
    expect(expandOccurrences([e], utc('2024-03-06T00:00'), utc('2024-03-05T00:00'))).toEqual([]);
    expect(expandOccurrences([e], Number.NaN, utc('2024-03-05T00:00'))).toEqual([]);
  });
});

import '../../testing/failOnConsoleError.ts';
import { DateTime } from 'luxon';
import { afterEach, describe, expect, it } from 'vitest';
import { buildCalendarEvent } from '../../testing/buildCalendarEvent.ts';
import type { Occurrence } from './CalendarData.ts';
import { expandOccurrences } from './expandOccurrences.ts';

const utc = (iso: string) => Date.parse(`${iso}Z`);
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 16);
const instants = (o: Occurrence[]) => o.map((x) => [iso(x.startMs), iso(x.endMs)]);

describe('events in their own time zone', () => {
  it('an America/New_York event is at its instants: 5 h behind UTC in winter, 4 h in summer', () => {
    const winter = buildCalendarEvent({ timeZone: 'America/New_York', start: '2024-01-15T09:00', end: '2024-01-15T10:30' });
    const summer = buildCalendarEvent({ id: 'ev2', timeZone: 'America/New_York', start: '2024-07-15T09:00', end: '2024-07-15T10:30' });
    const o = expandOccurrences([winter, summer], utc('2024-01-01T00:00'), utc('2025-01-01T00:00'));
    expect(instants(o)).toEqual([
      ['2024-01-15T14:00', '2024-01-15T15:30'],
      ['2024-07-15T13:00', '2024-07-15T14:30'],
    ]);
    expect(o.map((x) => [x.start, x.end, x.timeZone])).toEqual([
      ['2024-01-15T09:00', '2024-01-15T10:30', 'America/New_York'],
      ['2024-07-15T09:00', '2024-07-15T10:30', 'America/New_York'],
    ]);
  });

  it('a weekly 09:00 Europe/Paris meeting stays at 09:00 across both DST changes; its UTC instant moves by an hour', () => {
    const e = buildCalendarEvent({ start: '2024-03-18T09:00', end: '2024-03-18T10:00', recurrence: { freq: 'WEEKLY', interval: 1 } });
    const march = expandOccurrences([e], utc('2024-03-18T00:00'), utc('2024-04-09T00:00'));
    expect(march.map((x) => x.start)).toEqual(['2024-03-18T09:00', '2024-03-25T09:00', '2024-04-01T09:00', '2024-04-08T09:00']);
    // clocks went forward on Sunday 31 March
    expect(march.map((x) => iso(x.startMs))).toEqual(['2024-03-18T08:00', '2024-03-25T08:00', '2024-04-01T07:00', '2024-04-08T07:00']);
    const october = expandOccurrences([e], utc('2024-10-14T00:00'), utc('2024-11-05T00:00'));
    // and back on Sunday 27 October
    expect(october.map((x) => [x.start, iso(x.startMs)])).toEqual([
      ['2024-10-14T09:00', '2024-10-14T07:00'],
      ['2024-10-21T09:00', '2024-10-21T07:00'],
      ['2024-10-28T09:00', '2024-10-28T08:00'],
      ['2024-11-04T09:00', '2024-11-04T08:00'],
    ]);
  });

  it('02:30 on the spring-forward night does not exist: it is moved forward by the gap, to 03:30', () => {
    const e = buildCalendarEvent({ start: '2024-03-30T02:30', end: '2024-03-30T03:15', recurrence: { freq: 'DAILY', interval: 1, count: 3 } });
    const o = expandOccurrences([e], utc('2024-03-29T00:00'), utc('2024-04-03T00:00'));
    expect(o.map((x) => [x.occurrenceKey, x.start, iso(x.startMs)])).toEqual([
      ['2024-03-30T02:30', '2024-03-30T02:30', '2024-03-30T01:30'],
      ['2024-03-31T02:30', '2024-03-31T03:30', '2024-03-31T01:30'],
      ['2024-04-01T02:30', '2024-04-01T02:30', '2024-04-01T00:30'],
    ]);
    // the end (03:15) exists but is before the moved start: the occurrence keeps its 45 minutes
    expect(o[1]!.endMs - o[1]!.startMs).toBe(45 * 60_000);
    const single = buildCalendarEvent({ timeZone: 'America/New_York', start: '2024-03-10T02:30', end: '2024-03-10T04:00' });
    expect(instants(expandOccurrences([single], utc('2024-03-10T00:00'), utc('2024-03-11T00:00')))).toEqual([['2024-03-10T07:30', '2024-03-10T08:00']]);
  });

  it('02:30 on the fall-back night happens twice: the first one counts', () => {
    const e = buildCalendarEvent({ start: '2024-10-27T02:30', end: '2024-10-27T03:00' });
    const [o] = expandOccurrences([e], utc('2024-10-26T00:00'), utc('2024-10-28T00:00'));
    expect(iso(o!.startMs)).toBe('2024-10-27T00:30'); // 02:30 CEST, not 02:30 CET (01:30 UTC)
    expect(iso(o!.endMs)).toBe('2024-10-27T02:00'); // 03:00 CET
  });

  describe('seen from another zone', () => {
    const hostZone = process.env.TZ;
    afterEach(() => {
      if (hostZone === undefined) delete process.env.TZ;
      else process.env.TZ = hostZone;
    });

    it('a Tokyo 09:00 event is Sunday 16:00 for a Los Angeles viewer, whatever zone the machine runs in', () => {
      const e = buildCalendarEvent({ timeZone: 'Asia/Tokyo', start: '2024-03-04T09:00', end: '2024-03-04T10:00', recurrence: { freq: 'WEEKLY', interval: 1, count: 2 } });
      // the viewer's Sunday 3 March, as instants
      const day = DateTime.fromISO('2024-03-03T00:00', { zone: 'America/Los_Angeles' });
      const range = [day.toMillis(), day.plus({ days: 1 }).toMillis()] as const;
      const seen: string[][] = [];
      for (const machine of ['UTC', 'Pacific/Auckland', 'America/Los_Angeles']) {
        process.env.TZ = machine;
        const o = expandOccurrences([e], ...range);
        seen.push(o.map((x) => DateTime.fromMillis(x.startMs, { zone: 'America/Los_Angeles' }).toFormat("ccc yyyy-MM-dd'T'HH:mm")));
        expect(o.map((x) => iso(x.startMs))).toEqual(['2024-03-04T00:00']);
      }
      expect(seen).toEqual([['Sun 2024-03-03T16:00'], ['Sun 2024-03-03T16:00'], ['Sun 2024-03-03T16:00']]);
    });
  });
});

import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { recurrenceFromIcs } from './recurrenceFromIcs.ts';

const read = (rrule: string, startWeekday: 'MO' | 'SU' = 'MO') => recurrenceFromIcs(ICAL.Recur.fromString(rrule), startWeekday, (until) => until.toString());

describe('recurrenceFromIcs', () => {
  it('reads frequency, interval, weekdays, count and until', () => {
    expect(read('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;COUNT=10')).toEqual({ freq: 'WEEKLY', interval: 2, byWeekday: ['MO', 'WE'], count: 10 });
    expect(read('FREQ=DAILY;UNTIL=20250331T215959Z')).toEqual({ freq: 'DAILY', interval: 1, until: '2025-03-31T21:59:59Z' });
    expect(read('FREQ=YEARLY')).toEqual({ freq: 'YEARLY', interval: 1 });
  });

  it('reads nth weekdays as a set position, with or without BYSETPOS', () => {
    expect(read('FREQ=MONTHLY;BYDAY=2TU')).toEqual({ freq: 'MONTHLY', interval: 1, byWeekday: ['TU'], bySetPos: 2 });
    expect(read('FREQ=MONTHLY;BYDAY=-1FR')).toEqual({ freq: 'MONTHLY', interval: 1, byWeekday: ['FR'], bySetPos: -1 });
    expect(read('FREQ=MONTHLY;BYDAY=FR;BYSETPOS=-1')).toEqual({ freq: 'MONTHLY', interval: 1, byWeekday: ['FR'], bySetPos: -1 });
    expect(read('FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1')).toEqual({ freq: 'MONTHLY', interval: 1, byWeekday: ['MO', 'TU', 'WE', 'TH', 'FR'], bySetPos: -1 });
    expect(read('FREQ=YEARLY;BYMONTH=11;BYDAY=4TH')).toEqual({ freq: 'YEARLY', interval: 1, byMonth: [11], byWeekday: ['TH'], bySetPos: 4 });
  });

  it('reads month days and months', () => {
    expect(read('FREQ=MONTHLY;BYMONTHDAY=1,15,-1')).toEqual({ freq: 'MONTHLY', interval: 1, byMonthDay: [1, 15, -1] });
    expect(read('FREQ=YEARLY;BYMONTHDAY=15;BYMONTH=3')).toEqual({ freq: 'YEARLY', interval: 1, byMonth: [3], byMonthDay: [15] });
  });

  it('rewrites every-weekday DAILY rules as WEEKLY', () => {
    expect(read('FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR')).toEqual({ freq: 'WEEKLY', interval: 1, byWeekday: ['MO', 'TU', 'WE', 'TH', 'FR'] });
    expect(read('FREQ=DAILY;INTERVAL=2;BYDAY=MO,FR')).toBeNull();
  });

  it('ignores WKST unless it changes which days are picked', () => {
    expect(read('FREQ=WEEKLY;WKST=SU;BYDAY=SU,MO')).toEqual({ freq: 'WEEKLY', interval: 1, byWeekday: ['SU', 'MO'] });
    expect(read('FREQ=WEEKLY;INTERVAL=2;WKST=SU;BYDAY=MO,WE')).toEqual({ freq: 'WEEKLY', interval: 2, byWeekday: ['MO', 'WE'] });
    expect(read('FREQ=WEEKLY;INTERVAL=2;WKST=SU;BYDAY=SU,MO')).toBeNull();
    expect(read('FREQ=WEEKLY;INTERVAL=2;WKST=SU;BYDAY=MO,WE', 'SU')).toBeNull();
  });

  it('gives null for what the model cannot say', () => {
    for (const rrule of [
      'FREQ=HOURLY',
      'FREQ=DAILY;BYHOUR=9,15',
      'FREQ=YEARLY;BYWEEKNO=1;BYDAY=MO',
      'FREQ=MONTHLY;BYDAY=1MO,3MO',
      'FREQ=MONTHLY;BYDAY=TU',
      'FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13',
      'FREQ=MONTHLY;BYDAY=5FR',
      'FREQ=MONTHLY;BYDAY=TU;BYSETPOS=1,3',
      'FREQ=MONTHLY;BYMONTHDAY=-2',
      'FREQ=MONTHLY;BYMONTH=1,6;BYMONTHDAY=1',
      'FREQ=YEARLY;BYDAY=20MO',
      'FREQ=YEARLY;BYMONTH=3,9;BYDAY=2TU',
      'FREQ=YEARLY;BYMONTHDAY=1',
      'FREQ=WEEKLY;BYDAY=1MO',
    ]) {
      expect(read(rrule), rrule).toBeNull();
    }
  });
});

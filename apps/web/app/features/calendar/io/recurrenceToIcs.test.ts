import { describe, expect, it } from 'vitest';
import { recurrenceToIcs } from './recurrenceToIcs.ts';

describe('recurrenceToIcs', () => {
  it('writes the rule’s parts, INTERVAL only above 1', () => {
    expect(recurrenceToIcs({ freq: 'WEEKLY', interval: 2, byWeekday: ['MO', 'WE'], count: 10 }, false, 'Europe/Paris')).toBe('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;COUNT=10');
    expect(recurrenceToIcs({ freq: 'MONTHLY', interval: 1, byMonthDay: [1, -1] }, false, 'Europe/Paris')).toBe('FREQ=MONTHLY;BYMONTHDAY=1,-1');
    expect(recurrenceToIcs({ freq: 'YEARLY', interval: 1, byMonth: [3], byMonthDay: [15] }, true, 'Europe/Paris')).toBe('FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=15');
  });

  it('writes one positioned weekday as BYDAY=2TU only where that means the same', () => {
    expect(recurrenceToIcs({ freq: 'MONTHLY', interval: 1, byWeekday: ['TU'], bySetPos: 2 }, false, 'UTC')).toBe('FREQ=MONTHLY;BYDAY=2TU');
    expect(recurrenceToIcs({ freq: 'YEARLY', interval: 1, byMonth: [11], byWeekday: ['TH'], bySetPos: 4 }, false, 'UTC')).toBe('FREQ=YEARLY;BYMONTH=11;BYDAY=4TH');
    expect(recurrenceToIcs({ freq: 'YEARLY', interval: 1, byMonth: [3, 9], byWeekday: ['TU'], bySetPos: 2 }, false, 'UTC')).toBe('FREQ=YEARLY;BYMONTH=3,9;BYDAY=TU;BYSETPOS=2');
    expect(recurrenceToIcs({ freq: 'MONTHLY', interval: 1, byWeekday: ['MO', 'TU', 'WE', 'TH', 'FR'], bySetPos: -1 }, false, 'UTC')).toBe(
      'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1',
    );
  });

  it('writes UNTIL in UTC for timed events and as a date for all-day ones', () => {
    expect(recurrenceToIcs({ freq: 'DAILY', interval: 1, until: '2025-07-31T09:00' }, false, 'Europe/Paris')).toBe('FREQ=DAILY;UNTIL=20250731T070000Z');
    expect(recurrenceToIcs({ freq: 'DAILY', interval: 1, until: '2025-07-31' }, true, 'Europe/Paris')).toBe('FREQ=DAILY;UNTIL=20250731');
    expect(recurrenceToIcs({ freq: 'DAILY', interval: 1, until: '2025-07-31T09:00' }, false, 'Mars/Olympus_Mons')).toBe('FREQ=DAILY;UNTIL=20250731T090000');
  });
});

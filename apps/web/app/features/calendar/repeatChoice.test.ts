import { describe, expect, it } from 'vitest';
import { choiceFromRule, describeRule, ruleFromChoice, weekdayOf } from './repeatChoice.ts';

describe('repeat choices', () => {
  it('finds the weekday and its place in the month', () => {
    expect(weekdayOf('2026-12-03')).toEqual({ day: 'TH', nth: 1 });
    expect(weekdayOf('2026-12-29')).toEqual({ day: 'TU', nth: -1 });
    expect(weekdayOf('2026-12-15')).toEqual({ day: 'TU', nth: 3 });
  });

  it('builds rules from the dialog and reads them back', () => {
    const never = { kind: 'never' } as const;
    expect(ruleFromChoice({ kind: 'weekly', interval: 2, days: ['WE', 'MO'], end: { kind: 'count', count: 10 } }, '2026-12-07T09:00', false)).toEqual({ freq: 'WEEKLY', interval: 2, byWeekday: ['MO', 'WE'], count: 10 });
    expect(ruleFromChoice({ kind: 'monthly-nth', interval: 1, days: [], end: { kind: 'until', date: '2027-06-30' } }, '2026-12-08T10:30', false)).toEqual({ freq: 'MONTHLY', interval: 1, byWeekday: ['TU'], bySetPos: 2, until: '2027-06-30T23:59' });
    expect(ruleFromChoice({ kind: 'monthly-date', interval: 1, days: [], end: never }, '2026-12-31', true)).toEqual({ freq: 'MONTHLY', interval: 1, byMonthDay: [31] });
    expect(ruleFromChoice({ kind: 'none', interval: 1, days: [], end: never }, '2026-12-31', true)).toBeUndefined();
    const weekdays = ruleFromChoice({ kind: 'weekdays', interval: 1, days: [], end: never }, '2026-12-07T09:00', false);
    expect(choiceFromRule(weekdays).kind).toBe('weekdays');
    expect(describeRule(weekdays, '2026-12-07T09:00')).toBe('Every weekday');
    expect(describeRule({ freq: 'WEEKLY', interval: 2, byWeekday: ['MO', 'WE'], count: 10 }, '2026-12-07T09:00')).toBe('Every 2 weeks on Monday and Wednesday, 10 times');
    expect(describeRule({ freq: 'MONTHLY', interval: 1, byWeekday: ['TU'], bySetPos: -1 }, '2026-12-29T09:00')).toBe('Every month on the last Tuesday');
  });
});

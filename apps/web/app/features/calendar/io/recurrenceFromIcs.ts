import { CALENDAR_LIMITS, type RecurrenceRule, type Weekday } from '@coffre/docs';
import type ICAL from 'ical.js';

const WEEKDAYS: readonly Weekday[] = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
/** ical.js numbers week starts 1 (SU) to 7 (SA). */
const ICAL_WEEK_START: readonly Weekday[] = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];
const BY_DAY = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/;
const SET_POSITIONS = new Set([1, 2, 3, 4, -1]);
const PARTS = new Set(['BYDAY', 'BYMONTHDAY', 'BYMONTH', 'BYSETPOS']);
const FREQS = new Set<string>(['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY']);

/**
 * An RRULE as the model's `RecurrenceRule`, or null when the model cannot
 * say the same thing: HOURLY and finer, BYHOUR/BYMINUTE/BYSECOND/BYYEARDAY/
 * BYWEEKNO, several ordinal weekdays (`1MO,3MO`), weekdays without a
 * position in a month (`FREQ=MONTHLY;BYDAY=TU`), weekdays with month days
 * (Friday the 13th), positions other than 1–4 and -1, and a week start that
 * changes which days are picked, an interval or count over the model's
 * limits. Rewrites that give the same occurrences are
 * made: `BYDAY=2TU` is `TU` at position 2; `FREQ=DAILY;BYDAY=MO,…,FR` is weekly.
 *
 * @param startWeekday the weekday of DTSTART, which decides what WKST changes.
 * @param untilText UNTIL as a model time or date in the event's zone.
 */
export function recurrenceFromIcs(rule: ICAL.Recur, startWeekday: Weekday, untilText: (until: ICAL.Time) => string): RecurrenceRule | null {
  const parts = rule.parts as Record<string, unknown[] | undefined>;
  if (!FREQS.has(rule.freq) || Object.keys(parts).some((part) => !PARTS.has(part))) return null;
  const interval = rule.interval ?? 1;
  if (!Number.isInteger(interval) || interval < 1 || interval > CALENDAR_LIMITS.MAX_INTERVAL) return null;
  const days = (parts.BYDAY ?? []).map((value) => BY_DAY.exec(String(value).toUpperCase()));
  if (days.some((day) => !day)) return null;
  const weekdays = unique(days.map((day) => day![2] as Weekday));
  const ordinals = days.map((day) => (day![1] === undefined ? undefined : Number(day![1])));
  const monthDays = (parts.BYMONTHDAY ?? []) as number[];
  const months = (parts.BYMONTH ?? []) as number[];
  const setPos = (parts.BYSETPOS ?? []) as number[];
  const hasOrdinal = ordinals.some((n) => n !== undefined);

  let freq = rule.freq as RecurrenceRule['freq'];
  const out: RecurrenceRule = { freq, interval };
  if (freq === 'DAILY' || freq === 'WEEKLY') {
    if (monthDays.length || months.length || setPos.length || hasOrdinal) return null;
    if (weekdays.length) {
      // Every day that is a weekday is every week on those days; not so every other day.
      if (freq === 'DAILY' && interval !== 1) return null;
      freq = out.freq = 'WEEKLY';
      out.byWeekday = weekdays;
    }
    if (freq === 'WEEKLY' && interval > 1 && weekStartMatters(ICAL_WEEK_START[rule.wkst - 1] ?? 'MO', [...weekdays, startWeekday])) return null;
  } else {
    if (months.length) {
      if (freq === 'MONTHLY' || !months.every((m) => Number.isInteger(m) && m >= 1 && m <= 12)) return null;
      out.byMonth = unique(months);
    }
    if (weekdays.length) {
      // YEARLY without BYMONTH counts weekdays in the year ("the 20th Monday"), which the model does not.
      if (monthDays.length || (freq === 'YEARLY' && !months.length)) return null;
      if (hasOrdinal) {
        // "2TU" is the 2nd Tuesday of each month; TU;BYSETPOS=2 is so only when the set is one month.
        if (days.length !== 1 || setPos.length || (freq === 'YEARLY' && months.length !== 1)) return null;
        out.bySetPos = ordinals[0]!;
      } else {
        if (setPos.length !== 1) return null;
        out.bySetPos = setPos[0]!;
      }
      if (!SET_POSITIONS.has(out.bySetPos)) return null;
      out.byWeekday = weekdays;
    } else {
      if (setPos.length || (freq === 'YEARLY' && monthDays.length && !months.length)) return null;
      if (monthDays.length) {
        if (!monthDays.every((d) => Number.isInteger(d) && ((d >= 1 && d <= 31) || d === -1))) return null;
        out.byMonthDay = unique(monthDays);
      }
    }
  }
  if (rule.until) out.until = untilText(rule.until);
  else if (rule.count !== null && rule.count !== undefined) {
    if (!Number.isInteger(rule.count) || rule.count < 1 || rule.count > CALENDAR_LIMITS.MAX_RECURRENCE_COUNT) return null;
    out.count = rule.count;
  }
  return out;
}

/**
 * Whether counting weeks from `weekStart` instead of Monday picks other days
 * when skipping weeks: so when `days` has some days from the week start up
 * to Monday and some after.
 */
function weekStartMatters(weekStart: Weekday, days: readonly Weekday[]): boolean {
  const from = WEEKDAYS.indexOf(weekStart);
  if (from === 0) return false;
  const early = new Set(WEEKDAYS.slice(from));
  return days.some((d) => early.has(d)) && days.some((d) => !early.has(d));
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

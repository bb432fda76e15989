import type { CalendarErrorCode } from './CalendarError.ts';
import { CALENDAR_LIMITS } from './calendarLayout.ts';
import type { RecurrenceRule } from './CalendarData.ts';
import { parseWallClock } from './parseWallClock.ts';

export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
const FREQS = new Set(['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY']);
// February counts 29: a yearly Feb 29 repeats every leap year.
const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const ALL_MONTHS = MONTH_DAYS.map((_, i) => i + 1);

const isInt = (v: unknown, min: number, max: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

function isList(v: unknown, ok: (x: unknown) => boolean): v is unknown[] {
  return Array.isArray(v) && v.length > 0 && v.length <= 31 && v.every(ok) && new Set(v).size === v.length;
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** Whether some year `year + k * step` is a leap year (the calendar repeats every 400 years). */
function reachesLeapYear(year: number, step: number): boolean {
  for (let k = 0; k < 400; k++) if (isLeap(year + k * step)) return true;
  return false;
}

/**
 * Whether the rule keeps finding dates. rrule searches period after period up
 * to the year 9999 for one that matches, and only a match stops it, so a rule
 * that matches no more would stall every reader. Within the subset only three
 * can: every 7n days on a weekday the start is not; every 12n months on a day
 * the start's month lacks; Feb 29 in years that are never leap years.
 */
function repeatsForever(rule: RecurrenceRule, start: Date): boolean {
  const { freq, interval, byWeekday, byMonthDay, byMonth } = rule;
  if (freq === 'DAILY') return !byWeekday || interval % 7 !== 0 || byWeekday.includes(WEEKDAYS[(start.getUTCDay() + 6) % 7]!);
  if (freq === 'WEEKLY' || byWeekday) return true;
  const year = start.getUTCFullYear();
  const days = byMonthDay ?? [start.getUTCDate()];
  const fits = (month: number, step: number) => days.some((d) => d === -1 || d <= 28 || (d <= MONTH_DAYS[month - 1]! && (month !== 2 || reachesLeapYear(year, step))));
  // a monthly rule visits months of every length unless it steps whole years
  if (freq === 'MONTHLY') return interval % 12 !== 0 || fits(start.getUTCMonth() + 1, interval / 12);
  // rrule's defaults: without BYMONTH, a BYMONTHDAY applies to every month, and neither means the start's date
  const months = byMonth ?? (byMonthDay ? ALL_MONTHS : [start.getUTCMonth() + 1]);
  return months.some((m) => fits(m, interval));
}

/**
 * Why `rule` cannot repeat an event starting at `start` (floating ms), or null.
 * Accepts only the subset the calendar edits (`RecurrenceRule`), and refuses
 * rules that stop producing dates (yearly on Feb 30; see `repeatsForever`).
 */
export function recurrenceProblem(rule: RecurrenceRule, allDay: boolean, start: number): CalendarErrorCode | null {
  if (!rule || typeof rule !== 'object' || Array.isArray(rule)) return 'BAD_RECURRENCE';
  const { freq, interval, byWeekday, byMonthDay, byMonth, bySetPos, until, count } = rule;
  if (!FREQS.has(freq) || !isInt(interval, 1, CALENDAR_LIMITS.MAX_INTERVAL)) return 'BAD_RECURRENCE';
  if (byWeekday !== undefined && !isList(byWeekday, (d) => (WEEKDAYS as readonly unknown[]).includes(d))) return 'BAD_RECURRENCE';
  if (byMonthDay !== undefined && !isList(byMonthDay, (d) => d === -1 || isInt(d, 1, 31))) return 'BAD_RECURRENCE';
  if (byMonth !== undefined && !isList(byMonth, (m) => isInt(m, 1, 12))) return 'BAD_RECURRENCE';
  if (bySetPos !== undefined && !(bySetPos === -1 || isInt(bySetPos, 1, 4))) return 'BAD_RECURRENCE';
  if (byMonthDay && (freq === 'DAILY' || freq === 'WEEKLY')) return 'BAD_RECURRENCE';
  if (byMonthDay && byWeekday) return 'BAD_RECURRENCE';
  if (byMonth && freq !== 'YEARLY') return 'BAD_RECURRENCE';
  if (bySetPos !== undefined && (!byWeekday || freq === 'DAILY' || freq === 'WEEKLY')) return 'BAD_RECURRENCE';
  if (until !== undefined && count !== undefined) return 'BAD_RECURRENCE';
  if (count !== undefined && !isInt(count, 1, CALENDAR_LIMITS.MAX_RECURRENCE_COUNT)) return 'BAD_RECURRENCE';
  if (until !== undefined) {
    const last = parseWallClock(until, allDay);
    if (last === null || last < start) return 'BAD_RECURRENCE';
  }
  if (!repeatsForever(rule, new Date(start))) return 'BAD_RECURRENCE';
  return null;
}

/** A copy of a valid rule with only the known fields, so nothing a caller or peer added rides along. */
export function cleanRecurrence(rule: RecurrenceRule): RecurrenceRule {
  const out: RecurrenceRule = { freq: rule.freq, interval: rule.interval };
  if (rule.byWeekday) out.byWeekday = [...rule.byWeekday];
  if (rule.byMonthDay) out.byMonthDay = [...rule.byMonthDay];
  if (rule.byMonth) out.byMonth = [...rule.byMonth];
  if (rule.bySetPos !== undefined) out.bySetPos = rule.bySetPos;
  if (rule.until !== undefined) out.until = rule.until;
  if (rule.count !== undefined) out.count = rule.count;
  return out;
}

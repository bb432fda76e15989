import type { RecurrenceRule } from './CalendarData.ts';
import { formatWallClock } from './formatWallClock.ts';
import { parseWallClock } from './parseWallClock.ts';
import { cleanRecurrence, WEEKDAYS } from './recurrenceProblem.ts';

const DAY = 86_400_000;

const lastDayOfMonth = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();

/**
 * `rule` for a series whose start moved from `from` to `to` (floating ms,
 * each in its form): `until` moves as far, and a move to another day takes
 * the days the rule names along (weekly on Monday and Wednesday, moved a day
 * later, is on Tuesday and Thursday; monthly on the 2nd Tuesday, moved to the
 * 3rd Wednesday, is on the 3rd Wednesday). The result may not be valid (a
 * yearly Jan 31 moved to Feb 30); callers check it.
 */
export function shiftRule(rule: RecurrenceRule, from: number, fromAllDay: boolean, to: number, toAllDay: boolean): RecurrenceRule {
  const out = cleanRecurrence(rule);
  if (out.until !== undefined) out.until = formatWallClock(parseWallClock(out.until, fromAllDay)! + (to - from), toAllDay);
  const days = Math.round((Math.floor(to / DAY) - Math.floor(from / DAY)));
  if (days === 0) return out;
  const was = new Date(from);
  const now = new Date(to);
  if (out.byWeekday && !(out.bySetPos !== undefined && out.byWeekday.length > 1)) {
    out.byWeekday = out.byWeekday.map((w) => WEEKDAYS[(((WEEKDAYS.indexOf(w) + days) % 7) + 7) % 7]!);
    if (out.bySetPos !== undefined) {
      const nth = Math.ceil(now.getUTCDate() / 7);
      out.bySetPos = out.bySetPos === -1 && now.getUTCDate() + 7 > lastDayOfMonth(now) ? -1 : nth <= 4 ? nth : -1;
    }
  }
  if (out.byMonthDay) {
    if (out.byMonthDay.length === 1 && (out.byMonthDay[0] === was.getUTCDate() || out.byMonthDay[0] === -1)) {
      out.byMonthDay = [out.byMonthDay[0] === -1 && now.getUTCDate() === lastDayOfMonth(now) ? -1 : now.getUTCDate()];
    } else {
      const shifted = out.byMonthDay.filter((d) => d > 0).map((d) => d + days).filter((d) => d >= 1 && d <= 31);
      out.byMonthDay = shifted.length > 0 ? [...new Set(shifted)] : [now.getUTCDate()];
    }
  }
  if (out.byMonth) {
    const months = now.getUTCFullYear() * 12 + now.getUTCMonth() - (was.getUTCFullYear() * 12 + was.getUTCMonth());
    out.byMonth = [...new Set(out.byMonth.map((m) => ((((m - 1 + months) % 12) + 12) % 12) + 1))];
  }
  return out;
}

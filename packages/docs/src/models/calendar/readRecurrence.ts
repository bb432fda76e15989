import type { RecurrenceRule } from './CalendarData.ts';
import { CALENDAR_LIMITS } from './calendarLayout.ts';
import { formatWallClock } from './formatWallClock.ts';
import { parseWallClockLoosely } from './parseWallClock.ts';
import { cleanRecurrence, recurrenceProblem } from './recurrenceProblem.ts';

/**
 * A rule as any collaborator wrote it, for an event starting at `start`
 * (floating ms): a count past the limit is clamped, an `until` in the other
 * form (the event was made all-day at the same time) is converted, and an
 * `until` before the start (the start was moved at the same time) becomes the
 * start. Null if anything else is wrong: the event then does not read at all,
 * since showing only its first occurrence would be as wrong.
 */
export function readRecurrence(raw: unknown, allDay: boolean, start: number): RecurrenceRule | null {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return null;
  const r = raw as Record<string, unknown>;
  const rule = { ...r, interval: r.interval ?? 1 } as RecurrenceRule;
  if (typeof r.count === 'number' && r.count > CALENDAR_LIMITS.MAX_RECURRENCE_COUNT) rule.count = CALENDAR_LIMITS.MAX_RECURRENCE_COUNT;
  if (r.until !== undefined && r.until !== null) {
    const until = parseWallClockLoosely(r.until, allDay);
    if (until === null) return null;
    rule.until = formatWallClock(Math.max(until, start), allDay);
    delete rule.count;
  }
  for (const k of ['byWeekday', 'byMonthDay', 'byMonth', 'bySetPos', 'until', 'count'] as const) if (rule[k] === undefined || rule[k] === null) delete rule[k];
  return recurrenceProblem(rule, allDay, start) ? null : cleanRecurrence(rule);
}

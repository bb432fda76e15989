import type { CalendarEventData } from './CalendarData.ts';
import type { CalendarErrorCode } from './CalendarError.ts';
import { CALENDAR_LIMITS as L } from './calendarLayout.ts';
import { isEventId } from './isEventId.ts';
import { isTimeZone } from './isTimeZone.ts';
import { overrideProblem } from './overrideProblem.ts';
import { parseWallClock } from './parseWallClock.ts';
import { recurrenceProblem } from './recurrenceProblem.ts';
import { textProblem } from './textProblem.ts';

/**
 * Why `e` cannot be written, or null: the check every write makes before it
 * changes anything, so what is stored reads back as it was written.
 */
export function eventProblem(e: CalendarEventData): CalendarErrorCode | null {
  if (!e || typeof e !== 'object' || !isEventId(e.id)) return 'BAD_EVENT';
  for (const f of ['title', 'location', 'description'] as const) if (typeof e[f] !== 'string') return 'BAD_EVENT';
  const texts = textProblem(e);
  if (texts) return texts;
  if (typeof e.allDay !== 'boolean') return 'BAD_EVENT';
  const start = parseWallClock(e.start, e.allDay);
  const end = parseWallClock(e.end, e.allDay);
  if (start === null || end === null) return 'BAD_TIME';
  if (end <= start) return 'END_BEFORE_START';
  if (!isTimeZone(e.timeZone)) return 'BAD_TIME_ZONE';
  if (e.recurrence !== undefined) {
    const rule = recurrenceProblem(e.recurrence, e.allDay, start);
    if (rule) return rule;
  }
  if (!Array.isArray(e.reminders) || e.reminders.length > L.MAX_REMINDERS) return 'BAD_REMINDERS';
  if (!e.reminders.every((r) => Number.isInteger(r) && r >= 0 && r <= L.MAX_REMINDER_MINUTES)) return 'BAD_REMINDERS';
  if (!Array.isArray(e.exceptions) || !e.overrides || typeof e.overrides !== 'object' || Array.isArray(e.overrides)) return 'BAD_EVENT';
  if (e.exceptions.length > L.MAX_EXCEPTIONS) return 'TOO_MANY_EXCEPTIONS';
  if (!e.exceptions.every((k) => parseWallClock(k, e.allDay) !== null)) return 'BAD_TIME';
  const overrides = Object.entries(e.overrides);
  if (overrides.length > L.MAX_EXCEPTIONS) return 'TOO_MANY_EXCEPTIONS';
  for (const [k, o] of overrides) {
    const key = parseWallClock(k, e.allDay);
    if (key === null) return 'BAD_TIME';
    const problem = overrideProblem(o, e, key);
    if (problem) return problem;
  }
  if (!Number.isFinite(e.created) || !Number.isFinite(e.modified)) return 'BAD_EVENT';
  return null;
}

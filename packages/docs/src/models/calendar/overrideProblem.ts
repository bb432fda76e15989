import type { CalendarEventData, OccurrenceOverride } from './CalendarData.ts';
import type { CalendarErrorCode } from './CalendarError.ts';
import { parseWallClock } from './parseWallClock.ts';
import { textProblem } from './textProblem.ts';

/** Why `o` cannot override the occurrence of `e` (valid) whose original start is `key` (floating ms), or null. */
export function overrideProblem(o: OccurrenceOverride, e: CalendarEventData, key: number): CalendarErrorCode | null {
  if (!o || typeof o !== 'object' || Array.isArray(o)) return 'BAD_EVENT';
  const texts = textProblem(o);
  if (texts) return texts;
  if (o.allDay !== undefined && typeof o.allDay !== 'boolean') return 'BAD_EVENT';
  const allDay = o.allDay ?? e.allDay;
  // an occurrence turned all-day (or timed) must say when, in the new form
  if (allDay !== e.allDay && (o.start === undefined || o.end === undefined)) return 'BAD_TIME';
  const start = o.start === undefined ? key : parseWallClock(o.start, allDay);
  const end = o.end === undefined ? null : parseWallClock(o.end, allDay);
  if (start === null || (o.end !== undefined && end === null)) return 'BAD_TIME';
  const seriesDuration = parseWallClock(e.end, e.allDay)! - parseWallClock(e.start, e.allDay)!;
  if ((end ?? start + seriesDuration) <= start) return 'END_BEFORE_START';
  return null;
}

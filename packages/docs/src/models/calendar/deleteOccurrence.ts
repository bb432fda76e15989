import type { EditScope } from './CalendarData.ts';
import { CalendarError } from './CalendarError.ts';
import type { CalendarModel } from './CalendarModel.ts';
import { CALENDAR_LIMITS } from './calendarLayout.ts';
import { eventProblem } from './eventProblem.ts';
import { findOccurrence } from './findOccurrence.ts';
import { formatWallClock } from './formatWallClock.ts';
import { splitSeries } from './splitSeries.ts';
import { writeEventChanges } from './writeEventChanges.ts';

/**
 * Removes occurrence `occurrenceKey` of event `eventId`, as far as `scope`
 * reaches, in one transaction: 'this' cancels it (an exception; its override
 * goes too), 'following' ends the series before it, 'all' deletes the event.
 * A single event is deleted whatever the scope.
 * @throws CalendarError NO_SUCH_EVENT, NO_SUCH_OCCURRENCE, TOO_MANY_EXCEPTIONS; nothing is changed then.
 */
export function deleteOccurrence(calendar: CalendarModel, eventId: string, occurrenceKey: string, scope: EditScope): void {
  const { event, map, key } = findOccurrence(calendar, eventId, occurrenceKey);
  if (key === null || scope === 'all') return calendar.deleteEvent(eventId);
  const now = calendar.now();
  if (scope === 'following') {
    const split = splitSeries(event, key, now);
    if (!split) return calendar.deleteEvent(eventId);
    const problem = eventProblem(split.head);
    if (problem) throw new CalendarError(problem);
    return calendar.transact(() => writeEventChanges(map, event, split.head));
  }
  if (event.exceptions.length >= CALENDAR_LIMITS.MAX_EXCEPTIONS) throw new CalendarError('TOO_MANY_EXCEPTIONS');
  const keyText = formatWallClock(key, event.allDay);
  const overrides = { ...event.overrides };
  delete overrides[keyText];
  const next = { ...event, exceptions: [...event.exceptions, keyText].sort(), overrides, modified: now };
  calendar.transact(() => writeEventChanges(map, event, next));
}

import type { CalendarEventData, EditScope, OccurrenceOverride } from './CalendarData.ts';
import { CalendarError } from './CalendarError.ts';
import type { CalendarEventPatch } from './CalendarEventInput.ts';
import type { CalendarModel } from './CalendarModel.ts';
import { CALENDAR_LIMITS } from './calendarLayout.ts';
import { applySeriesEdit } from './applySeriesEdit.ts';
import { eventProblem } from './eventProblem.ts';
import { findOccurrence } from './findOccurrence.ts';
import { formatWallClock } from './formatWallClock.ts';
import { newEventId } from './newEventId.ts';
import { overrideProblem } from './overrideProblem.ts';
import { splitSeries } from './splitSeries.ts';
import { eventMap } from './writeEvent.ts';
import { writeEventChanges } from './writeEventChanges.ts';

const PER_OCCURRENCE = new Set(['title', 'location', 'description', 'color', 'allDay', 'start', 'end']);

function check(e: CalendarEventData): void {
  const problem = eventProblem(e);
  if (problem) throw new CalendarError(problem);
}

function editThis(calendar: CalendarModel, event: CalendarEventData, key: number, patch: CalendarEventPatch): void {
  const fields = Object.keys(patch).filter((f) => patch[f as keyof CalendarEventPatch] !== undefined);
  if (fields.some((f) => !PER_OCCURRENCE.has(f))) throw new CalendarError('NOT_PER_OCCURRENCE');
  const keyText = formatWallClock(key, event.allDay);
  const override: OccurrenceOverride = { ...event.overrides[keyText] };
  for (const f of fields) {
    const v = patch[f as keyof OccurrenceOverride];
    if (v === null) delete override[f as keyof OccurrenceOverride];
    else (override as Record<string, unknown>)[f] = f === 'color' ? String(v).toLowerCase() : v;
  }
  const problem = overrideProblem(override, event, key);
  if (problem) throw new CalendarError(problem);
  if (!(keyText in event.overrides) && Object.keys(event.overrides).length >= CALENDAR_LIMITS.MAX_EXCEPTIONS) throw new CalendarError('TOO_MANY_EXCEPTIONS');
  const next = { ...event, overrides: { ...event.overrides, [keyText]: override }, modified: calendar.now() };
  calendar.transact(() => writeEventChanges(calendar.eventMaps().get(event.id)!, event, next));
}

/**
 * Applies `patch` to occurrence `occurrenceKey` of event `eventId`, as far as
 * `scope` reaches, in one transaction. `patch.start` and `patch.end` say
 * where this occurrence goes. For a repeating event: 'this' overrides the
 * occurrence alone (texts, colour and times only); 'following' ends the
 * series before it and starts a new one there with the patch applied,
 * taking the later exceptions and overrides along; 'all' changes the series,
 * and moving the occurrence moves every occurrence as much. For a single
 * event every scope means the event.
 * @returns the id of the event that now holds the occurrence (new for 'following').
 * @throws CalendarError NO_SUCH_EVENT, NO_SUCH_OCCURRENCE, NOT_PER_OCCURRENCE, TOO_MANY_EVENTS, or any code of
 * `eventProblem` when the result would not be valid; nothing is changed then.
 */
export function editOccurrence(calendar: CalendarModel, eventId: string, occurrenceKey: string, scope: EditScope, patch: CalendarEventPatch): string {
  const { event, map, key } = findOccurrence(calendar, eventId, occurrenceKey);
  if (key === null) {
    calendar.updateEvent(eventId, patch);
    return eventId;
  }
  if (scope === 'this') {
    editThis(calendar, event, key, patch);
    return eventId;
  }
  const now = calendar.now();
  const split = scope === 'following' ? splitSeries(event, key, now) : null;
  if (!split) {
    const next = applySeriesEdit(event, key, patch, now);
    check(next);
    calendar.transact(() => writeEventChanges(map, event, next));
    return eventId;
  }
  if (calendar.eventMaps().size >= CALENDAR_LIMITS.MAX_EVENTS) throw new CalendarError('TOO_MANY_EVENTS');
  const tail = { ...applySeriesEdit(split.tail, key, patch, now), id: newEventId() };
  check(split.head);
  check(tail);
  calendar.transact(() => {
    writeEventChanges(map, event, split.head);
    calendar.eventMaps().set(tail.id, eventMap(tail));
  });
  return tail.id;
}

import type * as Y from 'yjs';
import type { CalendarEventData } from './CalendarData.ts';
import { CalendarError } from './CalendarError.ts';
import type { CalendarModel } from './CalendarModel.ts';
import { parseWallClock } from './parseWallClock.ts';
import { SeriesRule } from './SeriesRule.ts';

export type FoundOccurrence = {
  event: CalendarEventData;
  map: Y.Map<unknown>;
  /** The occurrence's original start, floating ms; null for an event that does not repeat. */
  key: number | null;
};

/**
 * Event `eventId` and, if it repeats, its occurrence `occurrenceKey` (an
 * original start, as in `Occurrence.occurrenceKey`).
 * @throws CalendarError NO_SUCH_EVENT, or NO_SUCH_OCCURRENCE for a key that is not an instance of the rule or was cancelled.
 */
export function findOccurrence(calendar: CalendarModel, eventId: string, occurrenceKey: string): FoundOccurrence {
  const event = calendar.requireEvent(eventId);
  const map = calendar.eventMaps().get(eventId)!;
  if (!event.recurrence) return { event, map, key: null };
  const key = parseWallClock(occurrenceKey, event.allDay);
  if (key === null || event.exceptions.includes(occurrenceKey)) throw new CalendarError('NO_SUCH_OCCURRENCE');
  if (!new SeriesRule(event.recurrence, parseWallClock(event.start, event.allDay)!, event.allDay).includes(key)) throw new CalendarError('NO_SUCH_OCCURRENCE');
  return { event, map, key };
}

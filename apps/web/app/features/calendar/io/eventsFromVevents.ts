import { eventProblem, type CalendarErrorCode, type CalendarEventData, type OccurrenceOverride } from '@coffre/docs';
import type ICAL from 'ical.js';
import { addToWallClock } from './addToWallClock.ts';
import { CalendarImportError } from './calendarImportError.ts';
import { CALENDAR_IMPORT_LIMITS } from './calendarImportLimits.ts';
import { eventFromVevent, type IcsEvent } from './eventFromVevent.ts';
import type { IcsTimeZones } from './IcsTimeZones.ts';
import { safeEventId } from './safeEventId.ts';
import { wallClockMs } from './wallClockMs.ts';
import { wallClockOf } from './wallClockOf.ts';

type Series = { event: CalendarEventData; icsEvent: IcsEvent };

/**
 * VEVENTs as the model's events, each RECURRENCE-ID VEVENT folded into its
 * series (same UID) as an override, or as an exception when cancelled. UIDs
 * become ids when safe (`safeEventId`); the UID map is kept apart from the
 * ids, so a series whose UID needed a new id still gets its occurrences.
 *
 * Left out: cancelled events (with their occurrences); an occurrence override
 * identical to the occurrence. Read on their own, as single events: changed
 * occurrences whose series is missing (an invitation to one occurrence) or
 * was read as a single event (see `recurrenceFromIcs`); such an occurrence at
 * the single event's start replaces it.
 * Every event is held to the model's write check (`eventProblem`).
 * @throws CalendarImportError from `eventFromVevent`; `TOO_MANY_EVENTS` over `MAX_EVENTS` or `MAX_EXCEPTIONS_PER_EVENT`; `CORRUPT_FILE` for what the model refuses.
 */
export function eventsFromVevents(vevents: readonly ICAL.Component[], zones: IcsTimeZones): CalendarEventData[] {
  const ids = new Set<string>();
  const series = new Map<string, Series | 'cancelled'>();
  const events: CalendarEventData[] = [];
  const add = (icsEvent: IcsEvent): CalendarEventData => {
    const event = { id: safeEventId(icsEvent.uid, ids), ...icsEvent.event };
    ids.add(event.id);
    events.push(event);
    return event;
  };

  const children: ICAL.Component[] = [];
  for (const vevent of vevents) {
    if (vevent.hasProperty('recurrence-id')) {
      children.push(vevent);
      continue;
    }
    const icsEvent = eventFromVevent(vevent, zones);
    if (icsEvent.cancelled) {
      if (icsEvent.uid !== undefined && !series.has(icsEvent.uid)) series.set(icsEvent.uid, 'cancelled');
      continue;
    }
    const event = add(icsEvent);
    // A repeated UID (two files joined) keeps the first as the series.
    if (icsEvent.uid !== undefined && !series.has(icsEvent.uid)) series.set(icsEvent.uid, { event, icsEvent });
  }

  for (const vevent of children) {
    const uid = vevent.getFirstPropertyValue('uid');
    const master = typeof uid === 'string' ? series.get(uid.trim()) : undefined;
    if (master === 'cancelled') continue;
    if (!master) {
      const icsEvent = eventFromVevent(vevent, zones);
      if (!icsEvent.cancelled) add(icsEvent);
      continue;
    }
    const { event } = master;
    const occurrence = eventFromVevent(vevent, zones, event.timeZone);
    if (!occurrence.recurrenceId) throw new CalendarImportError('CORRUPT_FILE');
    const key = master.icsEvent.occurrenceKey(occurrence.recurrenceId);
    if (!event.recurrence) {
      const at = events.indexOf(event);
      if (key === event.start && at >= 0) events.splice(at, 1);
      if (!occurrence.cancelled) add(eventFromVevent(vevent, zones));
      continue;
    }
    if (event.exceptions.includes(key) || key in event.overrides) continue;
    if (occurrence.cancelled) {
      if (event.exceptions.length === CALENDAR_IMPORT_LIMITS.MAX_EXCEPTIONS_PER_EVENT) throw new CalendarImportError('TOO_MANY_EVENTS', 'MAX_EXCEPTIONS_PER_EVENT');
      event.exceptions.push(key);
      continue;
    }
    const override = overrideOf(event, key, occurrence.event);
    if (!Object.keys(override).length) continue;
    if (Object.keys(event.overrides).length === CALENDAR_IMPORT_LIMITS.MAX_EXCEPTIONS_PER_EVENT) throw new CalendarImportError('TOO_MANY_EVENTS', 'MAX_EXCEPTIONS_PER_EVENT');
    event.overrides[key] = override;
  }
  if (events.length > CALENDAR_IMPORT_LIMITS.MAX_EVENTS) throw new CalendarImportError('TOO_MANY_EVENTS', 'MAX_EVENTS');
  // The model's write check, so that what the import returns can be stored as it is.
  for (const event of events) {
    const problem = eventProblem(event);
    if (problem) throw importErrorOf(problem);
  }
  return events;
}

function importErrorOf(problem: CalendarErrorCode): CalendarImportError {
  if (problem === 'EVENT_TOO_LONG') return new CalendarImportError('TEXT_TOO_LONG');
  if (problem === 'TOO_MANY_EXCEPTIONS') return new CalendarImportError('TOO_MANY_EVENTS', 'MAX_EXCEPTIONS_PER_EVENT');
  // Times that do not exist (Feb 30), a rule or override the model refuses: the file says something impossible.
  return new CalendarImportError('CORRUPT_FILE');
}

/**
 * The fields in which `changed` differs from the occurrence of `series` at
 * `key`, as the model reads an override: no start is the key, no end is the
 * start plus the series' duration (so a moved occurrence keeps its length),
 * and turning all-day (or back) says both.
 */
function overrideOf(series: CalendarEventData, key: string, changed: IcsEvent['event']): OccurrenceOverride {
  const override: OccurrenceOverride = {};
  for (const field of ['title', 'location', 'description'] as const) if (changed[field] !== series[field]) override[field] = changed[field];
  if (changed.color !== undefined && changed.color !== series.color) override.color = changed.color;
  if (changed.allDay !== series.allDay) return { ...override, allDay: changed.allDay, start: changed.start, end: changed.end };
  const durationSeconds = (wallClockMs(wallClockOf(series.end)) - wallClockMs(wallClockOf(series.start))) / 1000;
  if (changed.start !== key) override.start = changed.start;
  if (changed.end !== addToWallClock(changed.start, durationSeconds)) override.end = changed.end;
  return override;
}

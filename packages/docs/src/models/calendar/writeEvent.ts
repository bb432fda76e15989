import * as Y from 'yjs';
import type { CalendarEventData, OccurrenceOverride } from './CalendarData.ts';
import { EVENT_FIELDS as F } from './calendarLayout.ts';
import { cleanRecurrence } from './recurrenceProblem.ts';

/** A new Y.Map for one override; copies, so the caller's object never aliases what is stored. */
export function overrideMap(o: OccurrenceOverride): Y.Map<unknown> {
  const m = new Y.Map<unknown>();
  for (const f of ['title', 'location', 'description', 'allDay', 'start', 'end'] as const) if (o[f] !== undefined) m.set(f, o[f]);
  if (o.color !== undefined) m.set(F.COLOR, o.color.toLowerCase());
  return m;
}

/** A new Y.Map holding `e` (already checked with `eventProblem`), in the layout of `calendarLayout.ts`. */
export function eventMap(e: CalendarEventData): Y.Map<unknown> {
  const m = new Y.Map<unknown>();
  m.set(F.TITLE, e.title);
  m.set(F.LOCATION, e.location);
  m.set(F.DESCRIPTION, e.description);
  if (e.color !== undefined) m.set(F.COLOR, e.color.toLowerCase());
  m.set(F.ALL_DAY, e.allDay);
  m.set(F.START, e.start);
  m.set(F.END, e.end);
  m.set(F.TIME_ZONE, e.timeZone);
  if (e.recurrence) m.set(F.RECURRENCE, cleanRecurrence(e.recurrence));
  const exceptions = new Y.Map<boolean>();
  for (const k of e.exceptions) exceptions.set(k, true);
  m.set(F.EXCEPTIONS, exceptions);
  const overrides = new Y.Map<Y.Map<unknown>>();
  for (const [k, o] of Object.entries(e.overrides)) overrides.set(k, overrideMap(o));
  m.set(F.OVERRIDES, overrides);
  m.set(F.REMINDERS, [...new Set(e.reminders)].sort((a, b) => a - b));
  m.set(F.CREATED, e.created);
  m.set(F.MODIFIED, e.modified);
  return m;
}

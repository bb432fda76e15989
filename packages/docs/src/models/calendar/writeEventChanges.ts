import * as Y from 'yjs';
import type { CalendarEventData, OccurrenceOverride } from './CalendarData.ts';
import { EVENT_FIELDS as F } from './calendarLayout.ts';
import { overrideMap } from './writeEvent.ts';

const SERIES_FIELDS = [F.TITLE, F.LOCATION, F.DESCRIPTION, F.COLOR, F.ALL_DAY, F.START, F.END, F.TIME_ZONE, F.RECURRENCE, F.REMINDERS] as const;
const OVERRIDE_FIELDS = ['title', 'location', 'description', 'color', 'allDay', 'start', 'end'] as const;

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

function setOrDelete(m: Y.Map<unknown>, field: string, value: unknown): void {
  if (value === undefined) m.delete(field);
  else m.set(field, value);
}

function nestedMap(m: Y.Map<unknown>, field: string): Y.Map<unknown> {
  const existing = m.get(field);
  if (existing instanceof Y.Map) return existing as Y.Map<unknown>;
  const created = new Y.Map<unknown>();
  m.set(field, created);
  return created;
}

/**
 * Turns the event stored in `m`, as read (`before`), into `after` (checked
 * with `eventProblem`) by writing only what differs, field by field and
 * occurrence by occurrence, so concurrent edits of anything else survive.
 * Call inside a transaction.
 */
export function writeEventChanges(m: Y.Map<unknown>, before: CalendarEventData, after: CalendarEventData): void {
  for (const f of SERIES_FIELDS) if (!same(before[f], after[f])) setOrDelete(m, f, after[f]);

  const wasSkipped = new Set(before.exceptions);
  const isSkipped = new Set(after.exceptions);
  if (!same(before.exceptions, after.exceptions)) {
    const exceptions = nestedMap(m, F.EXCEPTIONS);
    for (const k of wasSkipped) if (!isSkipped.has(k)) exceptions.delete(k);
    for (const k of isSkipped) if (!wasSkipped.has(k)) exceptions.set(k, true);
  }

  if (!same(before.overrides, after.overrides)) {
    const overrides = nestedMap(m, F.OVERRIDES) as Y.Map<unknown>;
    for (const k of Object.keys(before.overrides)) if (!(k in after.overrides)) overrides.delete(k);
    for (const [k, o] of Object.entries(after.overrides)) {
      const old: OccurrenceOverride | undefined = before.overrides[k];
      if (same(old, o)) continue;
      const existing = overrides.get(k);
      if (!old || !(existing instanceof Y.Map)) {
        overrides.set(k, overrideMap(o));
        continue;
      }
      for (const f of OVERRIDE_FIELDS) if (!same(old[f], o[f])) setOrDelete(existing as Y.Map<unknown>, f, o[f]);
    }
  }
  m.set(F.MODIFIED, after.modified);
}

import * as Y from 'yjs';
import type { CalendarData, CalendarEventData, CalendarMeta, Occurrence } from './CalendarData.ts';
import { CalendarError } from './CalendarError.ts';
import type { CalendarEventInput, CalendarEventPatch } from './CalendarEventInput.ts';
import { CALENDAR_DOC, CALENDAR_EDIT, CALENDAR_LIMITS as L, DEFAULT_CALENDAR_COLOR, DEFAULT_CALENDAR_NAME } from './calendarLayout.ts';
import { eventProblem } from './eventProblem.ts';
import { expandOccurrences } from './expandOccurrences.ts';
import { fitText } from './fitText.ts';
import { isCalendarColor } from './isCalendarColor.ts';
import { isEventId } from './isEventId.ts';
import { newEventId } from './newEventId.ts';
import { readEvent } from './readEvent.ts';
import { cleanRecurrence } from './recurrenceProblem.ts';
import { eventMap } from './writeEvent.ts';
import { writeEventChanges } from './writeEventChanges.ts';

export type CalendarModelOptions = {
  /** The clock for `created` and `modified` (ms); tests pass a fixed one. */
  now?: () => number;
};

const PATCH_FIELDS = ['title', 'location', 'description', 'color', 'allDay', 'start', 'end', 'timeZone', 'recurrence', 'reminders'] as const;

/**
 * One calendar inside a plaintext Y.Doc: its name and colour and its events,
 * each a nested Y.Map so that two people changing different fields of one
 * event both keep their change. Reads are validated (whatever a collaborator
 * wrote, they never throw); writes are checked first and refused whole with a
 * `CalendarError`. Every edit is one transaction with origin `CALENDAR_EDIT`.
 */
export class CalendarModel {
  readonly now: () => number;

  constructor(
    readonly doc: Y.Doc,
    options: CalendarModelOptions = {},
  ) {
    this.now = options.now ?? Date.now;
  }

  metaMap(): Y.Map<unknown> {
    return this.doc.getMap<unknown>(CALENDAR_DOC.META);
  }

  eventMaps(): Y.Map<Y.Map<unknown>> {
    return this.doc.getMap<Y.Map<unknown>>(CALENDAR_DOC.EVENTS);
  }

  /** Runs `edit` as one local edit (origin `CALENDAR_EDIT`). */
  transact(edit: () => void): void {
    this.doc.transact(edit, CALENDAR_EDIT);
  }

  meta(): CalendarMeta {
    const name = this.metaMap().get('name');
    const color = this.metaMap().get('color');
    return {
      name: typeof name === 'string' && name.trim() !== '' ? fitText(name, L.MAX_NAME_CHARS) : DEFAULT_CALENDAR_NAME,
      color: isCalendarColor(color) ? color.toLowerCase() : DEFAULT_CALENDAR_COLOR,
    };
  }

  /** @throws CalendarError NAME_TOO_LONG or BAD_COLOR; nothing is changed then. */
  setMeta(patch: Partial<CalendarMeta>): void {
    if (patch.name !== undefined && (typeof patch.name !== 'string' || [...patch.name].length > L.MAX_NAME_CHARS)) throw new CalendarError('NAME_TOO_LONG');
    if (patch.color !== undefined && !isCalendarColor(patch.color)) throw new CalendarError('BAD_COLOR');
    const m = this.metaMap();
    this.transact(() => {
      if (patch.name !== undefined && m.get('name') !== patch.name) m.set('name', patch.name);
      if (patch.color !== undefined && m.get('color') !== patch.color.toLowerCase()) m.set('color', patch.color.toLowerCase());
    });
  }

  /** Every readable event, by start then id; malformed ones are skipped (see `readEvent`), and past the limit the ids sorting last. */
  listEvents(): CalendarEventData[] {
    let out: CalendarEventData[] = [];
    for (const [id, m] of this.eventMaps()) {
      const e = readEvent(id, m);
      if (e) out.push(e);
    }
    if (out.length > L.MAX_EVENTS) out = out.sort((a, b) => (a.id < b.id ? -1 : 1)).slice(0, L.MAX_EVENTS);
    return out.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.id < b.id ? -1 : 1));
  }

  getEvent(id: string): CalendarEventData | null {
    return readEvent(id, this.eventMaps().get(id));
  }

  /** @throws CalendarError NO_SUCH_EVENT */
  requireEvent(id: string): CalendarEventData {
    const e = this.getEvent(id);
    if (!e) throw new CalendarError('NO_SUCH_EVENT');
    return e;
  }

  /**
   * @returns the new event's id.
   * @throws CalendarError if the event would not read back as given (see `eventProblem`), or TOO_MANY_EVENTS; nothing is added then.
   */
  addEvent(input: CalendarEventInput): string {
    const now = this.now();
    const event: CalendarEventData = {
      ...input,
      id: newEventId(),
      location: input.location ?? '',
      description: input.description ?? '',
      exceptions: input.exceptions ?? [],
      overrides: input.overrides ?? {},
      reminders: input.reminders ?? [],
      created: now,
      modified: now,
    };
    if (event.color === undefined) delete event.color;
    if (event.recurrence === undefined) delete event.recurrence;
    return this.addEvents([event])[0]!;
  }

  /**
   * Adds imported events in one transaction. An event keeps its id unless
   * that is taken or unusable, and its times of creation if they are numbers.
   * @returns the ids, in the order of `events`.
   * @throws CalendarError for the first event that would not read back as given, or TOO_MANY_EVENTS; nothing is added then.
   */
  addEvents(events: readonly CalendarEventData[]): string[] {
    if (this.eventMaps().size + events.length > L.MAX_EVENTS) throw new CalendarError('TOO_MANY_EVENTS');
    const now = this.now();
    const taken = new Set(this.eventMaps().keys());
    const checked = events.map((e) => {
      const id = isEventId(e?.id) && !taken.has(e.id) ? e.id : newEventId();
      taken.add(id);
      const event = { ...e, id, created: Number.isFinite(e?.created) ? e.created : now, modified: Number.isFinite(e?.modified) ? e.modified : now };
      const problem = eventProblem(event);
      if (problem) throw new CalendarError(problem);
      return event;
    });
    this.transact(() => {
      for (const e of checked) this.eventMaps().set(e.id, eventMap(e));
    });
    return checked.map((e) => e.id);
  }

  /**
   * Changes the given fields of event `id` and nothing else, so a concurrent
   * change of another field survives. This is the series itself: moving the
   * start of a repeating event here leaves its exceptions and overrides at the
   * old times; `editOccurrence(…, 'all')` moves them along.
   * @throws CalendarError NO_SUCH_EVENT, or if the event would not read back; nothing is changed then.
   */
  updateEvent(id: string, patch: CalendarEventPatch): void {
    const m = this.eventMaps().get(id);
    const current = readEvent(id, m);
    if (!m || !current) throw new CalendarError('NO_SUCH_EVENT');
    const next: CalendarEventData = { ...current };
    for (const f of PATCH_FIELDS) {
      const v = patch[f];
      if (v === undefined) continue;
      if (v === null) delete next[f as 'color' | 'recurrence'];
      else if (f === 'recurrence') next.recurrence = cleanRecurrence(v as never);
      else if (f === 'reminders') next.reminders = [...new Set(v as number[])].sort((a, b) => a - b);
      else (next as Record<string, unknown>)[f] = f === 'color' ? String(v).toLowerCase() : v;
    }
    // exceptions and overrides are not this patch's business: a new rule or form may orphan some, and reads drop those
    const problem = eventProblem({ ...next, exceptions: [], overrides: {} });
    if (problem) throw new CalendarError(problem);
    next.modified = this.now();
    this.transact(() => writeEventChanges(m, current, next));
  }

  /** @throws CalendarError NO_SUCH_EVENT */
  deleteEvent(id: string): void {
    if (!this.eventMaps().has(id)) throw new CalendarError('NO_SUCH_EVENT');
    this.transact(() => this.eventMaps().delete(id));
  }

  toData(): CalendarData {
    return { meta: this.meta(), events: this.listEvents() };
  }

  /** The occurrences of every event that overlap [rangeStartMs, rangeEndMs), by start (see `expandOccurrences`). */
  occurrences(rangeStartMs: number, rangeEndMs: number): Occurrence[] {
    return expandOccurrences(this.listEvents(), rangeStartMs, rangeEndMs);
  }
}

import { useState, type ReactNode } from 'react';
import type { DateSelectInfo, EventChangeInfo, EventClickInfo } from '@fullcalendar/react';
import { CalendarError, deleteOccurrence, editOccurrence, type CalendarEventPatch, type CalendarModel, type EditScope } from '@coffre/docs';
import { errorMessage } from '../../components/errorMessage.ts';
import { changedFields } from './changedFields.ts';
import { EventDialog, type EventDraft } from './EventDialog.tsx';
import { parseOccurrenceId } from './occurrenceToEvent.ts';
import { ScopeDialog } from './ScopeDialog.tsx';
import { localDate, viewerZone, wallClockIn } from './wallClockIn.ts';

/** A calendar shown in the grid: the id its occurrence ids carry, its model, and whether I may change it. */
export type EditableCalendar = { id: string; model: CalendarModel; canWrite: boolean };

type Editing = { calendarId: string; eventId: string | null; occurrenceKey: string | null; recurring: boolean; initial: EventDraft };
type Pending = { action: 'change' | 'delete'; run(scope: EditScope): void; cancel?(): void };

const DAY_MS = 86_400_000;

/**
 * Making and changing events in the calendars one FullCalendar shows: select a
 * range to make one, click one to edit or delete it, drag or resize it; a
 * repeating event asks which occurrences a change is for. Returns the grid's
 * handlers and the dialogs they open. Shared by the calendar page and a
 * calendar opened through an edit link.
 */
export function useEventEditing(
  calendars: EditableCalendar[],
  options: {
    /** Where a selected range makes its event. */
    target(): EditableCalendar | undefined;
    /** Said when there is no such calendar. */
    noTarget: string;
    unselect(): void;
  },
): {
  error: string | null;
  setError(message: string | null): void;
  handlers: { select(info: DateSelectInfo): void; eventClick(info: EventClickInfo): void; eventDrop(info: EventChangeInfo): void; eventResize(info: EventChangeInfo): void };
  dialogs: ReactNode;
} {
  const [editing, setEditing] = useState<Editing | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [error, setError] = useState<string | null>(null);
  const byId = (id: string) => calendars.find((c) => c.id === id) ?? null;
  const writable = calendars.filter((c) => c.canWrite);

  const attempt = (f: () => void): boolean => {
    try {
      setError(null);
      f();
      return true;
    } catch (e) {
      setError(e instanceof CalendarError ? e.message : errorMessage(e));
      return false;
    }
  };

  function select(info: DateSelectInfo) {
    const target = options.target();
    options.unselect();
    if (!target) return setError(options.noTarget);
    const zone = viewerZone();
    const initial: EventDraft = info.allDay
      ? { calendarId: target.id, title: '', location: '', description: '', allDay: true, start: localDate(info.start), end: localDate(info.end), timeZone: zone, reminders: [] }
      : { calendarId: target.id, title: '', location: '', description: '', allDay: false, start: wallClockIn(info.start.getTime(), zone), end: wallClockIn(info.end.getTime(), zone), timeZone: zone, reminders: [10] };
    setEditing({ calendarId: target.id, eventId: null, occurrenceKey: null, recurring: false, initial });
  }

  function eventClick(info: EventClickInfo) {
    const ids = parseOccurrenceId(info.event.id);
    const c = ids && byId(ids.calendarId);
    const event = ids && c?.model.getEvent(ids.eventId);
    if (!ids || !c || !event) return;
    const occ = c.model.occurrences(info.event.start!.getTime() - DAY_MS, info.event.start!.getTime() + DAY_MS).find((o) => o.eventId === ids.eventId && o.occurrenceKey === ids.occurrenceKey);
    const initial: EventDraft = {
      calendarId: c.id,
      title: occ?.title ?? event.title,
      location: occ?.location ?? event.location,
      description: occ?.description ?? event.description,
      color: occ?.color ?? event.color,
      allDay: occ?.allDay ?? event.allDay,
      start: occ?.start ?? event.start,
      end: occ?.end ?? event.end,
      timeZone: event.timeZone,
      recurrence: event.recurrence,
      reminders: event.reminders,
    };
    setEditing({ calendarId: c.id, eventId: event.id, occurrenceKey: ids.occurrenceKey, recurring: !!event.recurrence, initial });
  }

  function save(draft: EventDraft) {
    if (!editing) return;
    const c = byId(editing.eventId ? editing.calendarId : draft.calendarId);
    if (!c) return;
    if (!editing.eventId) {
      const { calendarId: _ignored, ...input } = draft;
      if (attempt(() => c.model.addEvent(input))) setEditing(null);
      return;
    }
    const patch = changedFields(editing.initial, draft);
    if (Object.keys(patch).length === 0) return setEditing(null);
    const run = (scope: EditScope) => {
      // One occurrence on its own keeps the series' rule, zone and reminders.
      const onlyThis = scope === 'this' && editing.recurring;
      const { recurrence: _r, timeZone: _z, reminders: _m, ...perOccurrence } = patch;
      if (attempt(() => editOccurrence(c.model, editing.eventId!, editing.occurrenceKey!, scope, onlyThis ? perOccurrence : patch))) setEditing(null);
    };
    if (editing.recurring) setPending({ action: 'change', run });
    else run('all');
  }

  function remove() {
    if (!editing?.eventId) return;
    const c = byId(editing.calendarId);
    if (!c) return;
    const run = (scope: EditScope) => {
      if (attempt(() => deleteOccurrence(c.model, editing.eventId!, editing.occurrenceKey!, scope))) setEditing(null);
    };
    if (editing.recurring) setPending({ action: 'delete', run });
    else run('all');
  }

  /** A drag or a resize: the occurrence's new times, in its event's own zone. */
  function change(info: EventChangeInfo) {
    const ids = parseOccurrenceId(info.event.id);
    const c = ids && byId(ids.calendarId);
    const event = ids && c?.model.getEvent(ids.eventId);
    if (!ids || !c || !event || !info.event.start) return info.revert();
    const allDay = info.event.allDay;
    const startMs = info.event.start.getTime();
    const endMs = info.event.end?.getTime() ?? startMs + (allDay ? DAY_MS : 3_600_000);
    const patch: CalendarEventPatch = allDay
      ? { allDay: true, start: localDate(info.event.start), end: localDate(new Date(endMs)) }
      : { allDay: false, start: wallClockIn(startMs, event.timeZone), end: wallClockIn(endMs, event.timeZone) };
    const run = (scope: EditScope) => {
      if (!attempt(() => editOccurrence(c.model, ids.eventId, ids.occurrenceKey, scope, patch))) info.revert();
    };
    if (event.recurrence) setPending({ action: 'change', run, cancel: info.revert });
    else run('all');
  }

  const dialogs = (
    <>
      {editing && (
        <EventDialog
          initial={editing.initial}
          calendars={writable.map((c) => ({ id: c.id, name: c.model.meta().name }))}
          existing={editing.eventId !== null}
          onSave={save}
          onDelete={remove}
          onClose={() => setEditing(null)}
          error={error}
        />
      )}
      {pending && (
        <ScopeDialog
          action={pending.action}
          onChoose={(scope) => {
            setPending(null);
            pending.run(scope);
          }}
          onCancel={() => {
            setPending(null);
            pending.cancel?.();
          }}
        />
      )}
    </>
  );
  return { error, setError, handlers: { select, eventClick, eventDrop: change, eventResize: change }, dialogs };
}

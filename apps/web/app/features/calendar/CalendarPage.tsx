import { useCallback, useMemo, useRef, useState } from 'react';
import FullCalendar, { type CalendarRef, type DateSelectInfo, type EventChangeInfo, type EventClickInfo, type DatesSetInfo } from '@fullcalendar/react';
import classicTheme from '@fullcalendar/react/themes/classic';
import dayGridPlugin from '@fullcalendar/react/daygrid';
import timeGridPlugin from '@fullcalendar/react/timegrid';
import listPlugin from '@fullcalendar/react/list';
import interactionPlugin from '@fullcalendar/react/interaction';
import { CalendarError, deleteOccurrence, editOccurrence, type CalendarEventPatch, type DocumentEntry, type EditScope, type Occurrence } from '@coffre/docs';
import { errorMessage } from '../../components/errorMessage.ts';
import { getUnlockedAccount } from '../../keys/unlockedAccount.client.ts';
import { useHomeFolder } from '../docs/HomeFolderProvider.tsx';
import { useEntryAt } from '../docs/useOpenedEntry.ts';
import { AttachedChat } from '../chat/AttachedChat.tsx';
import { CalendarSidebar } from './CalendarSidebar.tsx';
import { EventDialog, type EventDraft } from './EventDialog.tsx';
import { occurrenceToEvent, parseOccurrenceId } from './occurrenceToEvent.ts';
import { ScopeDialog } from './ScopeDialog.tsx';
import { useHiddenCalendars } from './useHiddenCalendars.ts';
import { useOpenCalendars, type OpenCalendar } from './useOpenCalendars.ts';
import { useReminders } from './useReminders.ts';
import { localDate, viewerZone, wallClockIn } from './wallClockIn.ts';

import '@fullcalendar/react/skeleton.css';
import '@fullcalendar/react/themes/classic/theme.css';
import '@fullcalendar/react/themes/classic/palette.css';

type Editing = { calendarId: string; eventId: string | null; occurrenceKey: string | null; recurring: boolean; initial: EventDraft };
type Pending = { action: 'change' | 'delete'; run(scope: EditScope): void; cancel?(): void };

const DAY_MS = 86_400_000;

/**
 * The calendar: every calendar in my drive's top folder (mine and those shared
 * with me), or one opened from a folder, side by side. Events are expanded,
 * reminded and shown here, in the browser; the server holds only ciphertext.
 */
export default function CalendarPage({ calendarId }: { calendarId?: string }) {
  const folder = useHomeFolder();
  const account = getUnlockedAccount()!;
  const opened = useEntryAt(calendarId ?? '', 'calendar');
  const listed = useMemo(() => {
    const rootId = folder.rootId ?? '';
    const top = folder.entries.filter((e): e is DocumentEntry => e.kind === 'calendar' && !e.trashedAt).map((entry) => ({ entry, role: entry.role, parentId: rootId }));
    if (opened.entry && !top.some((t) => t.entry.id === opened.entry!.id)) top.unshift({ entry: opened.entry, role: opened.role, parentId: opened.parentId ?? rootId });
    return top;
  }, [folder.entries, folder.rootId, opened.entry, opened.role, opened.parentId]);
  const { calendars, version } = useOpenCalendars(account, listed);
  const [hidden, toggleHidden] = useHiddenCalendars(account.userId);
  const shown = calendars.filter((c) => !hidden.has(c.id));
  const [range, setRange] = useState<{ start: number; end: number } | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const api = useRef<CalendarRef>(null);
  const byId = (id: string) => calendars.find((c) => c.id === id) ?? null;
  const [chatWith, setChatWith] = useState<string | null>(null);
  const chatting = chatWith ? byId(chatWith) : null;
  const writable = calendars.filter((c) => c.canWrite);

  const events = useMemo(() => {
    if (!range) return [];
    return shown.flatMap((c) => c.model.occurrences(range.start, range.end).map((o) => occurrenceToEvent(c.id, c.model.meta().color, o, c.canWrite)));
  }, [range, version, shown.map((c) => c.id).join(',')]);

  const upcoming = useCallback((): Occurrence[] => {
    const now = Date.now();
    return shown.flatMap((c) => c.model.occurrences(now - DAY_MS, now + 2 * DAY_MS));
  }, [version, shown.map((c) => c.id).join(',')]);
  const reminders = useReminders(upcoming);

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

  async function createCalendar() {
    setBusy(true);
    try {
      await folder.createDocument(`Calendar ${folder.entries.filter((e) => e.kind === 'calendar').length + 1}`, 'calendar');
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  function handleSelect(info: DateSelectInfo) {
    const target = writable.find((c) => !hidden.has(c.id)) ?? writable[0];
    api.current?.getApi().unselect();
    if (!target) return setError('Make a calendar first, or ask for edit access to a shared one.');
    const zone = viewerZone();
    const initial: EventDraft = info.allDay
      ? { calendarId: target.id, title: '', location: '', description: '', allDay: true, start: localDate(info.start), end: localDate(info.end), timeZone: zone, reminders: [] }
      : { calendarId: target.id, title: '', location: '', description: '', allDay: false, start: wallClockIn(info.start.getTime(), zone), end: wallClockIn(info.end.getTime(), zone), timeZone: zone, reminders: [10] };
    setEditing({ calendarId: target.id, eventId: null, occurrenceKey: null, recurring: false, initial });
  }

  function handleEventClick(info: EventClickInfo) {
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
  function handleChange(info: EventChangeInfo) {
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

  if (!folder.ready || (calendarId && opened.loading)) return <p className="muted">Decrypting your calendars…</p>;
  return (
    <div className="calendar-page">
      <CalendarSidebar
        calendars={calendars}
        hidden={hidden}
        onToggle={toggleHidden}
        onCreate={() => void createCalendar()}
        busy={busy}
        account={account}
        onError={setError}
        onGoTo={(date) => api.current?.getApi().gotoDate(date)}
        onChat={setChatWith}
      />
      <section className="calendar-main">
        {error && (
          <p role="alert" className="error">
            {error} <button type="button" className="ghost" onClick={() => setError(null)}>Dismiss</button>
          </p>
        )}
        {reminders.notices.length > 0 && (
          <ul className="reminder-notices" aria-label="Reminders">
            {reminders.notices.map((n) => (
              <li key={n.key} role="status">
                <strong>{n.occurrence.title || 'Event'}</strong> {n.minutesBefore === 0 ? 'is starting' : `starts ${new Date(n.occurrence.startMs).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}`}
                <button type="button" className="ghost" onClick={() => reminders.dismiss(n.key)}>Dismiss</button>
              </li>
            ))}
          </ul>
        )}
        {calendars.length === 0 ? (
          <p className="muted">No calendar yet. Make one: its events are encrypted in your browser, and only the people you share it with can read them.</p>
        ) : (
          <FullCalendar
            ref={api}
            plugins={[classicTheme, dayGridPlugin, timeGridPlugin, listPlugin, interactionPlugin]}
            initialView="timeGridWeek"
            headerToolbar={{ start: 'prev,next today', center: 'title', end: 'dayGridMonth,timeGridWeek,timeGridDay,listWeek' }}
            height="100%"
            nowIndicator
            selectable={writable.length > 0}
            selectMirror
            editable
            events={events}
            datesSet={(info: DatesSetInfo) => setRange({ start: info.start.getTime(), end: info.end.getTime() })}
            select={handleSelect}
            eventClick={handleEventClick}
            eventDrop={handleChange}
            eventResize={handleChange}
          />
        )}
      </section>
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
      {chatting && <AttachedChat key={chatting.id} parent={chatting.open} parentId={chatting.id} account={account} collabUrl={folder.collabUrl} readOnly={!chatting.canWrite} title={chatting.model.meta().name} onClose={() => setChatWith(null)} />}
    </div>
  );
}

/** The fields the dialog changed, as a patch. */
function changedFields(before: EventDraft, after: EventDraft): CalendarEventPatch {
  const patch: CalendarEventPatch = {};
  const keys = ['title', 'location', 'description', 'allDay', 'start', 'end', 'timeZone', 'reminders'] as const;
  for (const k of keys) if (JSON.stringify(before[k]) !== JSON.stringify(after[k])) (patch as Record<string, unknown>)[k] = after[k];
  if (before.color !== after.color) patch.color = after.color ?? null;
  if (JSON.stringify(before.recurrence) !== JSON.stringify(after.recurrence)) patch.recurrence = after.recurrence ?? null;
  return patch;
}

export type { OpenCalendar };

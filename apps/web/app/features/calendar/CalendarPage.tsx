import { useCallback, useMemo, useRef, useState } from 'react';
import FullCalendar, { type CalendarRef, type DatesSetInfo } from '@fullcalendar/react';
import classicTheme from '@fullcalendar/react/themes/classic';
import dayGridPlugin from '@fullcalendar/react/daygrid';
import timeGridPlugin from '@fullcalendar/react/timegrid';
import listPlugin from '@fullcalendar/react/list';
import interactionPlugin from '@fullcalendar/react/interaction';
import type { DocumentEntry, Occurrence } from '@coffre/docs';
import { errorMessage } from '../../components/errorMessage.ts';
import { getUnlockedAccount } from '../../keys/unlockedAccount.client.ts';
import { useHomeFolder } from '../docs/HomeFolderProvider.tsx';
import { useEntryAt } from '../docs/useOpenedEntry.ts';
import { AttachedChat } from '../chat/AttachedChat.tsx';
import { CalendarSidebar } from './CalendarSidebar.tsx';
import { occurrenceToEvent } from './occurrenceToEvent.ts';
import { useEventEditing } from './useEventEditing.tsx';
import { useHiddenCalendars } from './useHiddenCalendars.ts';
import { useOpenCalendars, type OpenCalendar } from './useOpenCalendars.ts';
import { useReminders } from './useReminders.ts';

import '@fullcalendar/react/skeleton.css';
import '@fullcalendar/react/themes/classic/theme.css';
import '@fullcalendar/react/themes/classic/palette.css';

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
  const [busy, setBusy] = useState(false);
  const api = useRef<CalendarRef>(null);
  const byId = (id: string) => calendars.find((c) => c.id === id) ?? null;
  const [chatWith, setChatWith] = useState<string | null>(null);
  const chatting = chatWith ? byId(chatWith) : null;
  const writable = calendars.filter((c) => c.canWrite);
  const { error, setError, handlers, dialogs } = useEventEditing(calendars, {
    target: () => writable.find((c) => !hidden.has(c.id)) ?? writable[0],
    noTarget: 'Make a calendar first, or ask for edit access to a shared one.',
    unselect: () => api.current?.getApi().unselect(),
  });

  const events = useMemo(() => {
    if (!range) return [];
    return shown.flatMap((c) => c.model.occurrences(range.start, range.end).map((o) => occurrenceToEvent(c.id, c.model.meta().color, o, c.canWrite)));
  }, [range, version, shown.map((c) => c.id).join(',')]);

  const upcoming = useCallback((): Occurrence[] => {
    const now = Date.now();
    return shown.flatMap((c) => c.model.occurrences(now - DAY_MS, now + 2 * DAY_MS));
  }, [version, shown.map((c) => c.id).join(',')]);
  const reminders = useReminders(upcoming);

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
            select={handlers.select}
            eventClick={handlers.eventClick}
            eventDrop={handlers.eventDrop}
            eventResize={handlers.eventResize}
          />
        )}
      </section>
      {dialogs}
      {chatting && <AttachedChat key={chatting.id} parent={chatting.open} parentId={chatting.id} account={account} collabUrl={folder.collabUrl} readOnly={!chatting.canWrite} title={chatting.model.meta().name} onClose={() => setChatWith(null)} />}
    </div>
  );
}

export type { OpenCalendar };

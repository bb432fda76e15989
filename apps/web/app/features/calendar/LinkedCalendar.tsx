import { useEffect, useMemo, useReducer, useRef, useState } from 'react';
import FullCalendar, { type CalendarRef, type DatesSetInfo, type EventClickInfo } from '@fullcalendar/react';
import classicTheme from '@fullcalendar/react/themes/classic';
import dayGridPlugin from '@fullcalendar/react/daygrid';
import timeGridPlugin from '@fullcalendar/react/timegrid';
import listPlugin from '@fullcalendar/react/list';
import interactionPlugin from '@fullcalendar/react/interaction';
import { CalendarModel, type Occurrence } from '@coffre/docs';
import type { OpenDoc } from '../../keys/openEncryptedDoc.client.ts';
import { occurrenceToEvent, parseOccurrenceId } from './occurrenceToEvent.ts';
import { useEventEditing } from './useEventEditing.tsx';

import '@fullcalendar/react/skeleton.css';
import '@fullcalendar/react/themes/classic/theme.css';
import '@fullcalendar/react/themes/classic/palette.css';

/**
 * One calendar opened through a link, with no account: live, expanded in this
 * browser like every calendar. Through a view link it is read-only and a click
 * shows an event; through an edit link (`canEdit`) the guest makes, moves and
 * changes events exactly as on the calendar page.
 */
export default function LinkedCalendar({ open, canEdit }: { open: OpenDoc; canEdit: boolean }) {
  const model = useMemo(() => new CalendarModel(open.session.doc), [open]);
  const [version, bump] = useReducer((n: number) => n + 1, 0);
  const [range, setRange] = useState<{ start: number; end: number } | null>(null);
  const [shown, setShown] = useState<Occurrence | null>(null);
  const api = useRef<CalendarRef>(null);
  const here = useMemo(() => [{ id: 'link', model, canWrite: canEdit }], [model, canEdit]);
  const { error, setError, handlers, dialogs } = useEventEditing(here, {
    target: () => (canEdit ? here[0] : undefined),
    noTarget: 'This link lets you view the calendar, not change it.',
    unselect: () => api.current?.getApi().unselect(),
  });
  useEffect(() => {
    const doc = open.session.doc;
    doc.on('update', bump);
    return () => doc.off('update', bump);
  }, [open]);
  const meta = model.meta();
  const occurrences = useMemo(() => (range ? model.occurrences(range.start, range.end) : []), [model, range, version]);
  const events = useMemo(() => occurrences.map((o) => occurrenceToEvent('link', meta.color, o, canEdit)), [occurrences, meta.color, canEdit]);

  function handleClick(info: EventClickInfo) {
    const id = parseOccurrenceId(info.event.id);
    setShown(occurrences.find((o) => id && o.eventId === id.eventId && o.occurrenceKey === id.occurrenceKey) ?? null);
  }

  return (
    <div className="linked-calendar">
      <h1>
        <span className="calendar-swatch" style={{ background: meta.color }} /> {meta.name}
      </h1>
      <p className="muted small">
        {canEdit ? 'Opened through an edit link: select a time to add an event; click, drag or resize one to change it.' : 'View only, opened through a link.'} Times are shown in your time zone.{' '}
        <label className="inline">
          Go to date <input type="date" aria-label="Go to date" onChange={(e) => e.target.value && api.current?.getApi().gotoDate(e.target.value)} />
        </label>
      </p>
      {error && (
        <p role="alert" className="error">
          {error} <button type="button" className="ghost" onClick={() => setError(null)}>Dismiss</button>
        </p>
      )}
      <div className="linked-calendar-grid">
        <FullCalendar
          ref={api}
          plugins={[classicTheme, dayGridPlugin, timeGridPlugin, listPlugin, interactionPlugin]}
          initialView="dayGridMonth"
          headerToolbar={{ start: 'prev,next today', center: 'title', end: 'dayGridMonth,timeGridWeek,listWeek' }}
          height="100%"
          events={events}
          datesSet={(info: DatesSetInfo) => setRange({ start: info.start.getTime(), end: info.end.getTime() })}
          selectable={canEdit}
          selectMirror
          editable={canEdit}
          select={handlers.select}
          eventClick={canEdit ? handlers.eventClick : handleClick}
          eventDrop={handlers.eventDrop}
          eventResize={handlers.eventResize}
        />
      </div>
      {shown && (
        <section className="card linked-event" aria-label="Event">
          <h2>{shown.title || 'Event'}</h2>
          <p>{shown.allDay ? `${shown.start.slice(0, 10)} (all day)` : `${new Date(shown.startMs).toLocaleString()} – ${new Date(shown.endMs).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}`}</p>
          {shown.location && <p>📍 {shown.location}</p>}
          {shown.description && <p className="linked-event-notes">{shown.description}</p>}
          <button type="button" className="ghost" onClick={() => setShown(null)}>Close</button>
        </section>
      )}
      {dialogs}
    </div>
  );
}

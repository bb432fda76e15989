import { useMemo, useState } from 'react';
import type { CalendarEventData, Weekday } from '@coffre/docs';
import { WEEKDAYS, choiceFromRule, describeRule, ruleFromChoice, type RepeatChoice, type RepeatKind } from './repeatChoice.ts';

/** What the dialog edits: an event's own fields, and which calendar it goes in. */
export type EventDraft = Pick<CalendarEventData, 'title' | 'location' | 'description' | 'color' | 'allDay' | 'start' | 'end' | 'timeZone' | 'recurrence' | 'reminders'> & { calendarId: string };

const REMINDER_CHOICES: { minutes: number; label: string }[] = [
  { minutes: 0, label: 'At the start' },
  { minutes: 5, label: '5 minutes before' },
  { minutes: 10, label: '10 minutes before' },
  { minutes: 15, label: '15 minutes before' },
  { minutes: 30, label: '30 minutes before' },
  { minutes: 60, label: '1 hour before' },
  { minutes: 1440, label: '1 day before' },
];
const REPEAT_LABELS: Record<RepeatKind, string> = {
  none: 'Does not repeat',
  daily: 'Daily',
  weekdays: 'Every weekday (Monday to Friday)',
  weekly: 'Weekly on chosen days',
  'monthly-date': 'Monthly on this date',
  'monthly-nth': 'Monthly on this weekday (e.g. 2nd Tuesday)',
  yearly: 'Yearly',
};
const DAY_LETTERS: Record<Weekday, string> = { MO: 'Mon', TU: 'Tue', WE: 'Wed', TH: 'Thu', FR: 'Fri', SA: 'Sat', SU: 'Sun' };

function zones(current: string): string[] {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return all.includes(current) ? all : [current, ...all];
}

type Props = {
  initial: EventDraft;
  calendars: { id: string; name: string }[];
  /** Editing an existing event (shows Delete); a repeating one says so. */
  existing: boolean;
  onSave(draft: EventDraft): void;
  onDelete?(): void;
  onClose(): void;
  error: string | null;
};

/** Every field of an event: title, times and zone, repeat, place, notes, colour, reminders. */
export function EventDialog({ initial, calendars, existing, onSave, onDelete, onClose, error }: Props) {
  const [d, setD] = useState<EventDraft>(initial);
  const [repeat, setRepeat] = useState<RepeatChoice>(() => choiceFromRule(initial.recurrence));
  const zoneList = useMemo(() => zones(initial.timeZone), [initial.timeZone]);
  const set = (patch: Partial<EventDraft>) => setD((x) => ({ ...x, ...patch }));
  const date = (v: string) => v.slice(0, 10);
  const time = (v: string) => (v.length > 10 ? v.slice(11, 16) : '09:00');
  const rule = ruleFromChoice(repeat, d.start, d.allDay);

  const toggleAllDay = (allDay: boolean) => {
    if (allDay) {
      const end = date(d.end) > date(d.start) ? date(d.end) : nextDay(date(d.start));
      set({ allDay, start: date(d.start), end: d.end.length > 10 && date(d.end) > date(d.start) ? nextDay(date(d.end)) : end });
    } else set({ allDay, start: `${date(d.start)}T09:00`, end: `${date(d.start)}T10:00` });
  };

  return (
    <div className="dialog-backdrop" role="presentation">
      <form
        className="dialog event-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="event-dialog-title"
        onSubmit={(e) => {
          e.preventDefault();
          onSave({ ...d, title: d.title.trim() || 'Untitled event', recurrence: rule });
        }}
      >
        <h2 id="event-dialog-title">{existing ? 'Edit event' : 'New event'}</h2>
        <label>
          Title
          <input aria-label="Event title" value={d.title} autoFocus onChange={(e) => set({ title: e.target.value })} />
        </label>
        {calendars.length > 1 && !existing && (
          <label>
            Calendar
            <select aria-label="Calendar" value={d.calendarId} onChange={(e) => set({ calendarId: e.target.value })}>
              {calendars.map((c) => (
                <option key={c.id} value={c.id}>{c.name}</option>
              ))}
            </select>
          </label>
        )}
        <label className="inline">
          <input type="checkbox" checked={d.allDay} onChange={(e) => toggleAllDay(e.target.checked)} /> All day
        </label>
        <div className="event-times">
          <label>
            Starts
            <input type="date" aria-label="Start date" value={date(d.start)} onChange={(e) => set(shiftStart(d, e.target.value, d.allDay ? null : time(d.start)))} />
          </label>
          {!d.allDay && <input type="time" aria-label="Start time" value={time(d.start)} onChange={(e) => set(shiftStart(d, date(d.start), e.target.value))} />}
          <label>
            Ends
            <input type="date" aria-label="End date" value={d.allDay ? previousDay(d.end) : date(d.end)} onChange={(e) => set({ end: d.allDay ? nextDay(e.target.value) : `${e.target.value}T${time(d.end)}` })} />
          </label>
          {!d.allDay && <input type="time" aria-label="End time" value={time(d.end)} onChange={(e) => set({ end: `${date(d.end)}T${e.target.value}` })} />}
        </div>
        {!d.allDay && (
          <label>
            Time zone
            <select aria-label="Time zone" value={d.timeZone} onChange={(e) => set({ timeZone: e.target.value })}>
              {zoneList.map((z) => (
                <option key={z} value={z}>{z.replace(/_/g, ' ')}</option>
              ))}
            </select>
          </label>
        )}
        <fieldset className="event-repeat">
          <legend>Repeat</legend>
          <select aria-label="Repeat" value={repeat.kind} onChange={(e) => setRepeat({ ...repeat, kind: e.target.value as RepeatKind })}>
            {(Object.keys(REPEAT_LABELS) as RepeatKind[]).map((k) => (
              <option key={k} value={k}>{REPEAT_LABELS[k]}</option>
            ))}
          </select>
          {repeat.kind !== 'none' && repeat.kind !== 'weekdays' && (
            <label className="inline">
              every <input type="number" min={1} max={99} aria-label="Repeat interval" value={repeat.interval} onChange={(e) => setRepeat({ ...repeat, interval: Number(e.target.value) })} />
            </label>
          )}
          {repeat.kind === 'weekly' && (
            <div className="weekday-picks" role="group" aria-label="Repeat on">
              {WEEKDAYS.map((w) => (
                <label key={w} className="inline">
                  <input type="checkbox" checked={repeat.days.includes(w)} onChange={(e) => setRepeat({ ...repeat, days: e.target.checked ? [...repeat.days, w] : repeat.days.filter((x) => x !== w) })} />
                  {DAY_LETTERS[w]}
                </label>
              ))}
            </div>
          )}
          {repeat.kind !== 'none' && (
            <div className="repeat-end">
              <select aria-label="Repeat ends" value={repeat.end.kind} onChange={(e) => setRepeat({ ...repeat, end: e.target.value === 'until' ? { kind: 'until', date: date(d.start) } : e.target.value === 'count' ? { kind: 'count', count: 10 } : { kind: 'never' } })}>
                <option value="never">Never ends</option>
                <option value="until">Ends on a date</option>
                <option value="count">Ends after a number of times</option>
              </select>
              {repeat.end.kind === 'until' && <input type="date" aria-label="Repeat until" value={repeat.end.date} onChange={(e) => setRepeat({ ...repeat, end: { kind: 'until', date: e.target.value } })} />}
              {repeat.end.kind === 'count' && <input type="number" min={1} max={999} aria-label="Repeat count" value={repeat.end.count} onChange={(e) => setRepeat({ ...repeat, end: { kind: 'count', count: Number(e.target.value) } })} />}
            </div>
          )}
          <p className="muted small">{describeRule(rule, d.start)}</p>
        </fieldset>
        <label>
          Location
          <input aria-label="Location" value={d.location} onChange={(e) => set({ location: e.target.value })} />
        </label>
        <label>
          Description
          <textarea aria-label="Description" rows={3} value={d.description} onChange={(e) => set({ description: e.target.value })} />
        </label>
        <div className="event-extras">
          <label className="inline">
            Colour <input type="color" aria-label="Event colour" value={d.color ?? '#2f6fb5'} onChange={(e) => set({ color: e.target.value })} />
          </label>
          <label>
            Reminder
            <select aria-label="Add a reminder" value="" onChange={(e) => e.target.value !== '' && set({ reminders: [...new Set([...d.reminders, Number(e.target.value)])].sort((a, b) => a - b) })}>
              <option value="">Add a reminder…</option>
              {REMINDER_CHOICES.map((r) => (
                <option key={r.minutes} value={r.minutes}>{r.label}</option>
              ))}
            </select>
          </label>
          <ul className="reminder-list" aria-label="Reminders">
            {d.reminders.map((m) => (
              <li key={m}>
                {REMINDER_CHOICES.find((r) => r.minutes === m)?.label ?? `${m} minutes before`}
                <button type="button" className="ghost" aria-label={`Remove reminder ${m}`} onClick={() => set({ reminders: d.reminders.filter((x) => x !== m) })}>×</button>
              </li>
            ))}
          </ul>
        </div>
        {error && <p role="alert" className="error">{error}</p>}
        <div className="dialog-actions">
          {existing && onDelete && <button type="button" className="danger" onClick={onDelete}>Delete</button>}
          <button type="button" className="secondary" onClick={onClose}>Cancel</button>
          <button type="submit">Save</button>
        </div>
      </form>
    </div>
  );
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function previousDay(date: string): string {
  const d = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** A new start keeps the event's length (the end moves with it). */
function shiftStart(d: EventDraft, newDate: string, newTime: string | null): Partial<EventDraft> {
  const oldStart = Date.parse(`${d.start.length > 10 ? d.start : `${d.start}T00:00`}:00Z`);
  const oldEnd = Date.parse(`${d.end.length > 10 ? d.end : `${d.end}T00:00`}:00Z`);
  const start = newTime === null ? newDate : `${newDate}T${newTime}`;
  const startMs = Date.parse(`${newTime === null ? `${newDate}T00:00` : start}:00Z`);
  const end = new Date(startMs + (oldEnd - oldStart)).toISOString();
  return { start, end: newTime === null ? end.slice(0, 10) : end.slice(0, 16) };
}

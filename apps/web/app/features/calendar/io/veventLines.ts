import type { CalendarEventData, OccurrenceOverride } from '@coffre/docs';
import { addToWallClock } from './addToWallClock.ts';
import { escapeIcsText } from './escapeIcsText.ts';
import { icsDateProperty } from './icsDateProperty.ts';
import { icsUtcStamp } from './icsUtcStamp.ts';
import { recurrenceToIcs } from './recurrenceToIcs.ts';
import { reminderTrigger } from './reminderTrigger.ts';
import { wallClockMs } from './wallClockMs.ts';
import { wallClockOf } from './wallClockOf.ts';

/** Called for each timed value written with a TZID, so the calendar can carry a VTIMEZONE covering its year. */
export type ZoneUse = (timeZone: string, year: number) => void;

type Occurrence = Pick<CalendarEventData, 'title' | 'location' | 'description' | 'color' | 'allDay' | 'start' | 'end'>;

/**
 * An event as unfolded content lines: its VEVENT, then one VEVENT with
 * RECURRENCE-ID per override (all fields, as other programs replace the
 * occurrence with it, and the series' alarms, which the model keeps on the
 * series only). Exceptions and overrides of an event that does not repeat
 * are not written: no program would read them. Two X- properties keep what
 * ICS cannot say: X-COFFRE-COLOR (RFC 7986 COLOR takes CSS names only) and,
 * for all-day events, X-COFFRE-TIMEZONE (dates cannot have a TZID).
 */
export function veventLines(event: CalendarEventData, useZone: ZoneUse): string[] {
  let zoneUsed = false;
  const use = (allDay: boolean, ...values: string[]) => {
    if (allDay) return;
    if (!zoneUsed) {
      zoneUsed = true;
      // The year the event was last changed stands in for "now", which a pure function has not.
      useZone(event.timeZone, new Date(event.modified).getUTCFullYear());
    }
    for (const value of values) useZone(event.timeZone, Number(value.slice(0, 4)));
  };
  const stamps = [`DTSTAMP:${icsUtcStamp(event.modified)}`, `CREATED:${icsUtcStamp(event.created)}`, `LAST-MODIFIED:${icsUtcStamp(event.modified)}`];
  const alarms = event.reminders.flatMap((minutes) => ['BEGIN:VALARM', 'ACTION:DISPLAY', 'DESCRIPTION:Reminder', `TRIGGER:${reminderTrigger(minutes)}`, 'END:VALARM']);
  use(event.allDay, event.start, event.end);

  const lines = ['BEGIN:VEVENT', `UID:${escapeIcsText(event.id)}`, ...stamps, ...occurrenceLines(event, event.timeZone)];
  if (event.allDay) lines.push(`X-COFFRE-TIMEZONE:${escapeIcsText(event.timeZone)}`);
  const recurrence = event.recurrence;
  if (recurrence) {
    lines.push(`RRULE:${recurrenceToIcs(recurrence, event.allDay, event.timeZone)}`);
    if (recurrence.until) use(event.allDay, recurrence.until);
    if (event.exceptions.length) {
      lines.push(icsDateProperty('EXDATE', event.exceptions, event.allDay, event.timeZone));
      use(event.allDay, ...event.exceptions);
    }
  }
  lines.push(...alarms, 'END:VEVENT');
  if (!recurrence) return lines;

  const durationSeconds = (wallClockMs(wallClockOf(event.end)) - wallClockMs(wallClockOf(event.start))) / 1000;
  for (const [key, override] of Object.entries(event.overrides)) {
    if (event.exceptions.includes(key)) continue;
    const occurrence = occurrenceOf(event, key, override, durationSeconds);
    use(event.allDay, key);
    use(occurrence.allDay, occurrence.start, occurrence.end);
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeIcsText(event.id)}`,
      icsDateProperty('RECURRENCE-ID', [key], event.allDay, event.timeZone),
      ...stamps,
      ...occurrenceLines(occurrence, event.timeZone),
      ...alarms,
      'END:VEVENT',
    );
  }
  return lines;
}

/**
 * The occurrence at `key` as the model reads it (`occurrenceTimes` in
 * @coffre/docs): no start is the key, no end (or one not after the start) is
 * the start plus the series' duration, or a day (an hour) when the override
 * turns it all-day (timed).
 */
function occurrenceOf(event: CalendarEventData, key: string, override: OccurrenceOverride, durationSeconds: number): Occurrence {
  const allDay = override.allDay ?? event.allDay;
  const fromKey = allDay === event.allDay ? key : allDay ? key.slice(0, 10) : `${key}T00:00`;
  const start = override.start ?? fromKey;
  const duration = allDay === event.allDay ? durationSeconds : allDay ? 86_400 : 3_600;
  const end = override.end !== undefined && override.end > start ? override.end : addToWallClock(start, duration);
  return { ...event, ...override, allDay, start, end };
}

function occurrenceLines(o: Occurrence, timeZone: string): string[] {
  const lines = [icsDateProperty('DTSTART', [o.start], o.allDay, timeZone), icsDateProperty('DTEND', [o.end], o.allDay, timeZone), `SUMMARY:${escapeIcsText(o.title)}`];
  if (o.location) lines.push(`LOCATION:${escapeIcsText(o.location)}`);
  if (o.description) lines.push(`DESCRIPTION:${escapeIcsText(o.description)}`);
  if (o.color) lines.push(`X-COFFRE-COLOR:${o.color}`);
  return lines;
}

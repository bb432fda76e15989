import { eventProblem, type CalendarEventData, type RecurrenceRule, type Weekday } from '@coffre/docs';
import ICAL from 'ical.js';
import { addToWallClock } from './addToWallClock.ts';
import { CalendarImportError } from './calendarImportError.ts';
import { CALENDAR_IMPORT_LIMITS } from './calendarImportLimits.ts';
import { hexColor } from './hexColor.ts';
import { ianaTimeZone } from './ianaTimeZone.ts';
import type { IcsTimeZones } from './IcsTimeZones.ts';
import { readIcsText } from './readIcsText.ts';
import { readIcsTime, type IcsTime } from './readIcsTime.ts';
import { recurrenceFromIcs } from './recurrenceFromIcs.ts';
import { remindersFromIcs } from './remindersFromIcs.ts';
import { wallClockMs } from './wallClockMs.ts';
import { wallClockOf } from './wallClockOf.ts';
import { wallClockText } from './wallClockText.ts';
import { zonedInstant } from './zonedInstant.ts';
import { zonedWallClock } from './zonedWallClock.ts';

const WEEKDAYS: readonly Weekday[] = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];
const DAY_SECONDS = 86_400;

/** One VEVENT read on its own: the event without its id, and what relates it to others. */
export type IcsEvent = {
  uid: string | undefined;
  event: Omit<CalendarEventData, 'id'>;
  /** RECURRENCE-ID: this VEVENT changes one occurrence of the series with the same UID. */
  recurrenceId: IcsTime | undefined;
  /** STATUS:CANCELLED. */
  cancelled: boolean;
  /** The occurrence key of `time` in this event's zone and kind (all-day or timed). */
  occurrenceKey: (time: IcsTime) => string;
};

/**
 * A VEVENT as model data. Times land in the event's own IANA zone (see
 * `IcsTimeZones`), or in `timeZone` when given (an occurrence read in its
 * series' zone). An end at or before the start becomes one day (all-day) or
 * one minute later, as the model needs an end after the start.
 * @throws CalendarImportError `CORRUPT_FILE` (no DTSTART, dates that are not dates), `TEXT_TOO_LONG`, `TOO_MANY_EVENTS` (exceptions).
 */
export function eventFromVevent(vevent: ICAL.Component, zones: IcsTimeZones, timeZone?: string): IcsEvent {
  const startProperty = vevent.getFirstProperty('dtstart');
  if (!startProperty) throw new CalendarImportError('CORRUPT_FILE');
  const dtstart = readIcsTime(startProperty)[0];
  if (!dtstart) throw new CalendarImportError('CORRUPT_FILE');
  const allDay = dtstart.time.isDate;
  const zone = timeZone ?? (allDay ? ownZoneOfAllDay(vevent) : undefined) ?? zones.eventZone(dtstart.time, dtstart.tzid);
  const start = zones.wallClock(dtstart.time, dtstart.tzid, zone, allDay);
  const occurrenceKey = ({ time, tzid }: IcsTime) =>
    // A date for a timed event (EXDATE;VALUE=DATE) means the occurrence that day.
    time.isDate && !allDay ? `${zones.wallClock(time, tzid, zone, true)}${start.slice(10)}` : zones.wallClock(time, tzid, zone, allDay);

  let end = endOf(vevent, zones, zone, allDay, start);
  if (end <= start) end = addToWallClock(start, allDay ? DAY_SECONDS : 60);

  const recurrence = recurrenceOf(vevent, zones, zone, allDay, start);
  const exceptions: string[] = [];
  if (recurrence) {
    for (const property of vevent.getAllProperties('exdate')) {
      for (const time of readIcsTime(property)) {
        const key = occurrenceKey(time);
        if (exceptions.includes(key)) continue;
        if (exceptions.length === CALENDAR_IMPORT_LIMITS.MAX_EXCEPTIONS_PER_EVENT) throw new CalendarImportError('TOO_MANY_EVENTS', 'MAX_EXCEPTIONS_PER_EVENT');
        exceptions.push(key);
      }
    }
  }

  const created = stampOf(vevent, 'created') ?? stampOf(vevent, 'dtstamp') ?? Date.now();
  const color = hexColor(vevent.getFirstPropertyValue('x-coffre-color')) ?? hexColor(vevent.getFirstPropertyValue('color'));
  const uid = vevent.getFirstPropertyValue('uid');
  const status = vevent.getFirstPropertyValue('status');
  const recurrenceIdProperty = vevent.getFirstProperty('recurrence-id');
  const event: IcsEvent['event'] = {
    title: readIcsText(vevent, 'summary', 'MAX_TITLE_CHARS'),
    location: readIcsText(vevent, 'location', 'MAX_LOCATION_CHARS'),
    description: readIcsText(vevent, 'description', 'MAX_DESCRIPTION_CHARS'),
    ...(color ? { color } : {}),
    allDay,
    start,
    end,
    timeZone: zone,
    ...(recurrence ? { recurrence } : {}),
    exceptions,
    overrides: {},
    reminders: remindersFromIcs(vevent),
    created,
    modified: stampOf(vevent, 'last-modified') ?? stampOf(vevent, 'dtstamp') ?? created,
  };
  // The model's own check catches what the rule alone does not show: an UNTIL before the start, a yearly Feb 30.
  if (recurrence && eventProblem({ id: 'rule-check', ...event }) === 'BAD_RECURRENCE') {
    delete event.recurrence;
    event.exceptions = [];
  }
  return {
    uid: typeof uid === 'string' ? uid.trim() : undefined,
    event,
    recurrenceId: recurrenceIdProperty ? readIcsTime(recurrenceIdProperty)[0] : undefined,
    cancelled: typeof status === 'string' && status.toUpperCase() === 'CANCELLED',
    occurrenceKey,
  };
}

/** DTEND in the event's zone, else DTSTART + DURATION, else RFC 5545's default: one day for all-day, none for timed. */
function endOf(vevent: ICAL.Component, zones: IcsTimeZones, zone: string, allDay: boolean, start: string): string {
  const endProperty = vevent.getFirstProperty('dtend');
  if (endProperty) {
    const dtend = readIcsTime(endProperty)[0];
    return dtend ? zones.wallClock(dtend.time, dtend.tzid, zone, allDay) : start;
  }
  const durationProperty = vevent.getFirstProperty('duration');
  if (!durationProperty) return allDay ? addToWallClock(start, DAY_SECONDS) : start;
  let duration: unknown;
  try {
    duration = durationProperty.getFirstValue();
  } catch {
    throw new CalendarImportError('CORRUPT_FILE');
  }
  if (!(duration instanceof ICAL.Duration) || duration.isNegative) return start;
  // Days and weeks are nominal (same clock time), hours and less exact (RFC 5545 §3.3.6).
  const days = addToWallClock(start, (duration.weeks * 7 + duration.days) * DAY_SECONDS);
  const seconds = duration.hours * 3600 + duration.minutes * 60 + duration.seconds;
  if (allDay || seconds === 0) return days;
  return wallClockText(zonedWallClock(zonedInstant(wallClockOf(days), zone) + seconds * 1000, zone), false);
}

function recurrenceOf(
  vevent: ICAL.Component,
  zones: IcsTimeZones,
  zone: string,
  allDay: boolean,
  start: string,
): RecurrenceRule | undefined {
  const rules = vevent.getAllProperties('rrule');
  // Several RRULEs (deprecated) are a union, EXRULE a subtraction: the model holds neither.
  if (rules.length !== 1 || vevent.hasProperty('exrule')) return undefined;
  let rule: unknown;
  try {
    rule = rules[0]!.getFirstValue();
  } catch {
    return undefined;
  }
  if (!(rule instanceof ICAL.Recur)) return undefined;
  const weekday = WEEKDAYS[new Date(wallClockMs(wallClockOf(start))).getUTCDay()]!;
  const recurrence = recurrenceFromIcs(rule, weekday, (until) =>
    // A date UNTIL on a timed event (not RFC 5545, but written) includes that day.
    until.isDate && !allDay ? `${zones.wallClock(until, undefined, zone, true)}T23:59` : zones.wallClock(until, undefined, zone, allDay),
  );
  return recurrence ?? undefined;
}

/** The zone Coffre's export keeps for an all-day event, which ICS dates cannot carry (RFC 5545 forbids TZID on them). */
function ownZoneOfAllDay(vevent: ICAL.Component): string | undefined {
  const zone = vevent.getFirstPropertyValue('x-coffre-timezone');
  return typeof zone === 'string' ? ianaTimeZone(zone.trim()) : undefined;
}

/** CREATED, DTSTAMP, LAST-MODIFIED as ms; RFC 5545 has them in UTC, so a zone on them is ignored. */
function stampOf(vevent: ICAL.Component, name: string): number | undefined {
  const property = vevent.getFirstProperty(name);
  const time = property ? readIcsTime(property)[0]?.time : undefined;
  if (!time) return undefined;
  const ms = wallClockMs({ year: time.year, month: time.month, day: time.day, hour: time.hour, minute: time.minute, second: time.second });
  return Number.isFinite(ms) ? ms : undefined;
}

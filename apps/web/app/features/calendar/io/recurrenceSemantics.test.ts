import { expandOccurrences } from '@coffre/docs';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { recurrenceFromIcs } from './recurrenceFromIcs.ts';
import { buildCalendarEvent } from './testing/buildCalendarEvent.ts';

const FROM = Date.UTC(2025, 0, 1);
const TO = Date.UTC(2027, 0, 1);
const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;

/** Starts ical.js gives for `rrule` from `dtstart` (UTC wall clock), before TO. */
function icalStarts(rrule: string, dtstart: string): string[] {
  const iterator = ICAL.Recur.fromString(rrule).iterator(ICAL.Time.fromDateTimeString(`${dtstart}:00`));
  const starts: string[] = [];
  for (let next = iterator.next(); next && next.toJSDate().getTime() < TO; next = iterator.next()) starts.push(next.toString().slice(0, 16));
  return starts;
}

/** Starts the model's own expansion gives for the rule as `recurrenceFromIcs` reads it. */
function modelStarts(rrule: string, dtstart: string): string[] {
  const weekday = WEEKDAYS[new Date(`${dtstart}:00Z`).getUTCDay()]!;
  const recurrence = recurrenceFromIcs(ICAL.Recur.fromString(rrule), weekday, (until) => until.toString().slice(0, 16));
  expect(recurrence, rrule).not.toBeNull();
  const end = `${dtstart.slice(0, 11)}${String(Number(dtstart.slice(11, 13)) + 1).padStart(2, '0')}${dtstart.slice(13)}`;
  const event = buildCalendarEvent({ start: dtstart, end, timeZone: 'UTC', recurrence: recurrence! });
  return expandOccurrences([event], FROM, TO).map((o) => o.start);
}

describe('recurrenceFromIcs keeps the occurrences', () => {
  it.each([
    ['FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;COUNT=10', '2025-01-06T09:00'],
    ['FREQ=WEEKLY;INTERVAL=2;WKST=SU;BYDAY=MO,WE', '2025-01-06T09:00'],
    ['FREQ=WEEKLY;WKST=SU;BYDAY=SU,MO', '2025-01-05T09:00'],
    ['FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR;UNTIL=20250301T000000Z', '2025-01-06T09:00'],
    ['FREQ=MONTHLY;BYDAY=2TU', '2025-01-14T09:00'],
    ['FREQ=MONTHLY;BYDAY=-1FR', '2025-01-31T09:00'],
    ['FREQ=MONTHLY;BYDAY=FR;BYSETPOS=-1', '2025-01-31T09:00'],
    ['FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1', '2025-01-31T09:00'],
    ['FREQ=MONTHLY;INTERVAL=3;BYDAY=TU;BYSETPOS=1;COUNT=4', '2025-01-07T14:00'],
    ['FREQ=MONTHLY;BYMONTHDAY=1,15,-1', '2025-01-01T08:00'],
    ['FREQ=MONTHLY;BYMONTHDAY=31', '2025-01-31T08:00'],
    ['FREQ=YEARLY;BYMONTH=11;BYDAY=4TH', '2025-11-27T12:00'],
    ['FREQ=YEARLY;BYMONTHDAY=15;BYMONTH=3', '2025-03-15T10:00'],
    // Not FREQ=YEARLY;BYMONTH=3,9;BYDAY=TU;BYSETPOS=2: ical.js picks per month, rrule (and RFC 5545) per year.
    ['FREQ=DAILY;INTERVAL=3;COUNT=20', '2025-02-27T22:00'],
  ])('%s', (rrule, dtstart) => {
    expect(modelStarts(rrule, dtstart)).toEqual(icalStarts(rrule, dtstart));
  });
});

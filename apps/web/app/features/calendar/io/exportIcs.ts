import type { CalendarData } from '@coffre/docs';
import { escapeIcsText } from './escapeIcsText.ts';
import { foldIcsLine } from './foldIcsLine.ts';
import { ianaTimeZone } from './ianaTimeZone.ts';
import { veventLines } from './veventLines.ts';
import { vtimezoneLines } from './vtimezoneLines.ts';

const ICS_PRODUCT_ID = '-//Coffre//Calendar 1.0//EN';
/** Years of zone rules written past the last year used, so open-ended series stay right in readers that need the VTIMEZONE. */
const ZONE_YEARS_AHEAD = 2;
/** Zone history written at most: enough for a yearly series from 1900 onwards, not unbounded work. */
const MAX_ZONE_YEARS = 200;

/**
 * A calendar as an .ics file (RFC 5545): VERSION 2.0, its name as
 * X-WR-CALNAME and colour as X-APPLE-CALENDAR-COLOR, one VTIMEZONE per zone
 * used (from the platform's zone data; a zone it does not know is written as
 * a bare TZID, which most programs read as IANA), then the events (see
 * `veventLines`). Lines are folded at 75 octets and end in CRLF. Pure: DTSTAMP
 * is each event's `modified`, so the same data gives the same file.
 */
export function exportIcs(data: CalendarData): string {
  const years = new Map<string, { from: number; to: number }>();
  const events = data.events.flatMap((event) =>
    veventLines(event, (zone, year) => {
      const range = years.get(zone);
      if (!range) years.set(zone, { from: year, to: year });
      else years.set(zone, { from: Math.min(range.from, year), to: Math.max(range.to, year) });
    }),
  );
  const timezones = [...years]
    .filter(([zone]) => ianaTimeZone(zone))
    .flatMap(([zone, { from, to }]) => {
      const last = to + ZONE_YEARS_AHEAD;
      return vtimezoneLines(zone, Math.max(from, last - MAX_ZONE_YEARS), last);
    });
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${ICS_PRODUCT_ID}`,
    'CALSCALE:GREGORIAN',
    `X-WR-CALNAME:${escapeIcsText(data.meta.name)}`,
    `X-APPLE-CALENDAR-COLOR:${data.meta.color}`,
    ...timezones,
    ...events,
    'END:VCALENDAR',
  ];
  return `${lines.map(foldIcsLine).join('\r\n')}\r\n`;
}

import ICAL from 'ical.js';
import { CalendarImportError } from './calendarImportError.ts';

/**
 * The VCALENDARs of an .ics text (a file may hold several, one after the other).
 * @throws CalendarImportError `CORRUPT_FILE` when it does not parse (truncated, BEGIN without END, a line without a colon), `NOT_AN_ICS_FILE` when the top-level components are not VCALENDARs.
 */
export function parseIcsCalendars(text: string): ICAL.Component[] {
  let parsed: unknown;
  try {
    parsed = ICAL.parse(text);
  } catch {
    throw new CalendarImportError('CORRUPT_FILE');
  }
  // ical.js returns one jCal component for one, an array of them for several.
  const roots = (Array.isArray(parsed) && Array.isArray(parsed[0]) ? parsed : [parsed]) as unknown[][];
  const calendars = roots.map((jcal) => new ICAL.Component(jcal));
  if (calendars.length === 0 || calendars.some((c) => c.name !== 'vcalendar')) throw new CalendarImportError('NOT_AN_ICS_FILE');
  return calendars;
}

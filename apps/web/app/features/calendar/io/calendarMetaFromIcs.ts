import { DEFAULT_CALENDAR_COLOR, DEFAULT_CALENDAR_NAME, type CalendarMeta } from '@coffre/docs';
import type ICAL from 'ical.js';
import { hexColor } from './hexColor.ts';
import { readIcsText } from './readIcsText.ts';

/**
 * The calendar's name (X-WR-CALNAME, else RFC 7986 NAME) and colour
 * (X-APPLE-CALENDAR-COLOR, which Apple and Coffre write) from the first
 * VCALENDAR that has them, else the model's defaults.
 * @throws CalendarImportError `TEXT_TOO_LONG` for a name over `MAX_CALENDAR_NAME_CHARS`.
 */
export function calendarMetaFromIcs(calendars: readonly ICAL.Component[]): CalendarMeta {
  let name = '';
  let color: string | undefined;
  for (const calendar of calendars) {
    name ||= (readIcsText(calendar, 'x-wr-calname', 'MAX_CALENDAR_NAME_CHARS') || readIcsText(calendar, 'name', 'MAX_CALENDAR_NAME_CHARS')).trim();
    color ??= hexColor(calendar.getFirstPropertyValue('x-apple-calendar-color'));
  }
  return { name: name || DEFAULT_CALENDAR_NAME, color: color ?? DEFAULT_CALENDAR_COLOR };
}

import type ICAL from 'ical.js';
import { CalendarImportError } from './calendarImportError.ts';
import { CALENDAR_IMPORT_LIMITS, type CalendarImportLimit } from './calendarImportLimits.ts';
import { unescapeIcsText } from './unescapeIcsText.ts';

/**
 * The text of `component`'s first `name` property, '' if it has none, with
 * line breaks as `\n`.
 * @throws CalendarImportError `TEXT_TOO_LONG` over `limit`.
 */
export function readIcsText(component: ICAL.Component, name: string, limit: CalendarImportLimit): string {
  const property = component.getFirstProperty(name);
  if (!property) return '';
  const value = property.getFirstValue();
  if (typeof value !== 'string') return '';
  // ical.js unescapes the properties it knows as TEXT; X- properties come raw.
  const text = (property.type === 'text' ? value : unescapeIcsText(value)).replace(/\r\n?/g, '\n');
  const max = CALENDAR_IMPORT_LIMITS[limit];
  // Code points, as the model counts: an emoji is one character.
  if (text.length > max && [...text].length > max) throw new CalendarImportError('TEXT_TOO_LONG', limit);
  return text;
}

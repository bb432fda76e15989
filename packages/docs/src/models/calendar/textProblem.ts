import type { CalendarEventData } from './CalendarData.ts';
import type { CalendarErrorCode } from './CalendarError.ts';
import { CALENDAR_LIMITS } from './calendarLayout.ts';
import { isCalendarColor } from './isCalendarColor.ts';

/** Lengths are in code points, so an emoji counts once. */
export const TEXT_LIMITS = {
  title: CALENDAR_LIMITS.MAX_TITLE_CHARS,
  location: CALENDAR_LIMITS.MAX_LOCATION_CHARS,
  description: CALENDAR_LIMITS.MAX_DESCRIPTION_CHARS,
} as const;

/** Why the texts and colour present in `e` (an event or an override) cannot be written, or null. */
export function textProblem(e: Partial<Pick<CalendarEventData, 'title' | 'location' | 'description' | 'color'>>): CalendarErrorCode | null {
  for (const field of ['title', 'location', 'description'] as const) {
    const v = e[field];
    if (v === undefined) continue;
    if (typeof v !== 'string') return 'BAD_EVENT';
    if (v.length > TEXT_LIMITS[field] && [...v].length > TEXT_LIMITS[field]) return 'EVENT_TOO_LONG';
  }
  if (e.color !== undefined && !isCalendarColor(e.color)) return 'BAD_COLOR';
  return null;
}

import type { CalendarEventData, OccurrenceOverride } from './CalendarData.ts';
import { DEFAULT_DURATION_MINUTES } from './calendarLayout.ts';
import { parseWallClock, parseWallClockLoosely } from './parseWallClock.ts';

const DAY = 86_400_000;

export type OccurrenceTimes = { allDay: boolean; start: number; end: number };

/**
 * Where one occurrence of `event` (valid, as read) lies, in floating ms: at
 * its original start `key` unless `override` moves it, as long as the series'
 * events unless the override says otherwise. An override that turns an
 * occurrence all-day (or back) without saying how long lasts a day (an hour).
 */
export function occurrenceTimes(event: CalendarEventData, key: number, override?: OccurrenceOverride): OccurrenceTimes {
  const allDay = override?.allDay ?? event.allDay;
  const seriesStart = parseWallClock(event.start, event.allDay)!;
  const seriesEnd = parseWallClock(event.end, event.allDay)!;
  const duration = allDay === event.allDay ? seriesEnd - seriesStart : allDay ? DAY : DEFAULT_DURATION_MINUTES * 60_000;
  // a date key as a timed start is its midnight
  const fromKey = allDay && !event.allDay ? Math.floor(key / DAY) * DAY : key;
  const start = (override?.start !== undefined ? parseWallClockLoosely(override.start, allDay) : null) ?? fromKey;
  const end = override?.end !== undefined ? parseWallClockLoosely(override.end, allDay) : null;
  return { allDay, start, end: end !== null && end > start ? end : start + duration };
}

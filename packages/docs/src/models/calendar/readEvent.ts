import * as Y from 'yjs';
import type { CalendarEventData, OccurrenceOverride } from './CalendarData.ts';
import { CALENDAR_LIMITS as L, DEFAULT_DURATION_MINUTES, EVENT_FIELDS as F } from './calendarLayout.ts';
import { fitText } from './fitText.ts';
import { formatWallClock } from './formatWallClock.ts';
import { isCalendarColor } from './isCalendarColor.ts';
import { isEventId } from './isEventId.ts';
import { isTimeZone } from './isTimeZone.ts';
import { parseWallClock, parseWallClockLoosely } from './parseWallClock.ts';
import { readOverride } from './readOverride.ts';
import { readRecurrence } from './readRecurrence.ts';
import { TEXT_LIMITS } from './textProblem.ts';

const DAY = 86_400_000;

/** Keys of a Y.Map that are original starts in the event's form, in order. */
function occurrenceKeys(map: Y.Map<unknown>, allDay: boolean): string[] {
  return [...map.keys()].filter((k) => parseWallClock(k, allDay) !== null).sort();
}

/**
 * One value of a calendar's `events` map as any collaborator wrote it. Null
 * (the event is skipped) when it cannot be placed in time: not a Y.Map, no
 * readable `allDay`, `start` or time zone, or a rule we cannot expand. The
 * rest is repaired: texts clamped, a bad colour dropped, an end before the
 * start (two people moving each at once) replaced by the default length,
 * reminders filtered. Never throws.
 */
export function readEvent(id: string, raw: unknown): CalendarEventData | null {
  if (!isEventId(id) || !(raw instanceof Y.Map)) return null;
  const m = raw as Y.Map<unknown>;
  const allDay = m.get(F.ALL_DAY);
  const timeZone = m.get(F.TIME_ZONE);
  if (typeof allDay !== 'boolean' || !isTimeZone(timeZone)) return null;
  const start = parseWallClockLoosely(m.get(F.START), allDay);
  if (start === null) return null;
  let end = parseWallClockLoosely(m.get(F.END), allDay);
  if (end === null || end <= start) end = start + (allDay ? DAY : DEFAULT_DURATION_MINUTES * 60_000);
  const endText = formatWallClock(end, allDay);
  if (parseWallClock(endText, allDay) === null) return null;
  const number = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
  const event: CalendarEventData = {
    id,
    title: fitText(m.get(F.TITLE), TEXT_LIMITS.title),
    location: fitText(m.get(F.LOCATION), TEXT_LIMITS.location),
    description: fitText(m.get(F.DESCRIPTION), TEXT_LIMITS.description),
    allDay,
    start: formatWallClock(start, allDay),
    end: endText,
    timeZone,
    exceptions: [],
    overrides: {},
    reminders: [],
    created: number(m.get(F.CREATED)),
    modified: number(m.get(F.MODIFIED)),
  };
  const color = m.get(F.COLOR);
  if (isCalendarColor(color)) event.color = color.toLowerCase();
  const rule = m.get(F.RECURRENCE);
  if (rule !== undefined && rule !== null) {
    const recurrence = readRecurrence(rule, allDay, start);
    if (!recurrence) return null;
    event.recurrence = recurrence;
  }
  const reminders = m.get(F.REMINDERS);
  if (Array.isArray(reminders)) {
    const ok = reminders.filter((r): r is number => Number.isInteger(r) && r >= 0 && r <= L.MAX_REMINDER_MINUTES);
    event.reminders = [...new Set(ok)].sort((a, b) => a - b).slice(0, L.MAX_REMINDERS);
  }
  const exceptions = m.get(F.EXCEPTIONS);
  if (exceptions instanceof Y.Map) event.exceptions = occurrenceKeys(exceptions, allDay).filter((k) => exceptions.get(k) === true).slice(0, L.MAX_EXCEPTIONS);
  const overrides = m.get(F.OVERRIDES);
  if (overrides instanceof Y.Map) {
    const out: Record<string, OccurrenceOverride> = {};
    let kept = 0;
    for (const k of occurrenceKeys(overrides, allDay)) {
      const o = readOverride(overrides.get(k), event, parseWallClock(k, allDay)!);
      if (o) out[k] = o;
      if (o && ++kept === L.MAX_EXCEPTIONS) break;
    }
    event.overrides = out;
  }
  return event;
}

import * as Y from 'yjs';
import type { CalendarEventData, OccurrenceOverride } from './CalendarData.ts';
import { EVENT_FIELDS as F } from './calendarLayout.ts';
import { fitText } from './fitText.ts';
import { formatWallClock } from './formatWallClock.ts';
import { isCalendarColor } from './isCalendarColor.ts';
import { occurrenceTimes } from './occurrenceTimes.ts';
import { parseWallClockLoosely } from './parseWallClock.ts';
import { TEXT_LIMITS } from './textProblem.ts';

/**
 * One value of an event's `overrides` map as any collaborator wrote it:
 * unknown fields and values of the wrong type are dropped, texts clamped,
 * times converted to the occurrence's form, an end at or before the start
 * dropped. Null when nothing is left to override.
 */
export function readOverride(raw: unknown, event: CalendarEventData, key: number): OccurrenceOverride | null {
  if (!(raw instanceof Y.Map)) return null;
  const m = raw as Y.Map<unknown>;
  const out: OccurrenceOverride = {};
  for (const f of ['title', 'location', 'description'] as const) {
    const v = m.get(f);
    if (typeof v === 'string') out[f] = fitText(v, TEXT_LIMITS[f]);
  }
  const color = m.get(F.COLOR);
  if (isCalendarColor(color)) out.color = color.toLowerCase();
  const allDay = m.get(F.ALL_DAY);
  if (typeof allDay === 'boolean') out.allDay = allDay;
  const effectiveAllDay = out.allDay ?? event.allDay;
  for (const f of ['start', 'end'] as const) {
    const t = parseWallClockLoosely(m.get(f), effectiveAllDay);
    if (t !== null) out[f] = formatWallClock(t, effectiveAllDay);
  }
  const times = occurrenceTimes(event, key, out);
  if (out.end !== undefined && formatWallClock(times.end, effectiveAllDay) !== out.end) delete out.end;
  if (effectiveAllDay !== event.allDay) {
    // an occurrence in the other form says when, as `overrideProblem` asks of writers
    out.start = formatWallClock(times.start, effectiveAllDay);
    out.end = formatWallClock(times.end, effectiveAllDay);
  }
  return Object.keys(out).length > 0 ? out : null;
}

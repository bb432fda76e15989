import type { CalendarEventData, OccurrenceOverride } from './CalendarData.ts';
import { CalendarError } from './CalendarError.ts';
import type { CalendarEventPatch } from './CalendarEventInput.ts';
import { formatWallClock } from './formatWallClock.ts';
import { occurrenceTimes } from './occurrenceTimes.ts';
import { parseWallClock } from './parseWallClock.ts';
import { cleanRecurrence } from './recurrenceProblem.ts';
import { shiftRule } from './shiftRule.ts';

const TEXT_FIELDS = ['title', 'location', 'description'] as const;

/**
 * The series `e` (valid, repeating) after `patch` was applied to it through
 * its occurrence at `key` (floating ms): `patch.start` and `patch.end` say
 * where that occurrence goes, and every occurrence moves by as much — the
 * series' start, its `until`, the keys of its exceptions and overrides, and
 * the times overrides give. The edited occurrence loses what its override
 * said about the patched fields, so it shows what the person just chose.
 * Pure; the result is not yet checked with `eventProblem`.
 * @throws CalendarError BAD_TIME, END_BEFORE_START
 */
export function applySeriesEdit(e: CalendarEventData, key: number, patch: CalendarEventPatch, modified: number): CalendarEventData {
  const allDay = patch.allDay ?? e.allDay;
  const formChange = allDay !== e.allDay;
  if (formChange && (patch.start === undefined || patch.end === undefined)) throw new CalendarError('BAD_TIME');
  const keyText = formatWallClock(key, e.allDay);
  const own = e.overrides[keyText];
  // an occurrence its override made all-day (or timed) is placed by its slot in the series
  const reference = occurrenceTimes(e, key, own?.allDay !== undefined && own.allDay !== e.allDay ? undefined : own);
  const start = patch.start !== undefined ? parseWallClock(patch.start, allDay) : reference.start;
  const end = patch.end !== undefined ? parseWallClock(patch.end, allDay) : start === null ? null : start + (reference.end - reference.start);
  if (start === null || end === null) throw new CalendarError('BAD_TIME');
  if (end <= start) throw new CalendarError('END_BEFORE_START');

  const touchesTime = patch.start !== undefined || patch.end !== undefined || patch.allDay !== undefined;
  const delta = start - reference.start;
  const seriesStart = parseWallClock(e.start, e.allDay)!;
  const newStart = seriesStart + delta;
  const duration = patch.end !== undefined || formChange ? end - start : parseWallClock(e.end, e.allDay)! - seriesStart;
  const move = (k: number) => formatWallClock(k + delta, allDay);

  const next: CalendarEventData = { ...e, allDay, start: formatWallClock(newStart, allDay), end: formatWallClock(newStart + duration, allDay), modified };
  for (const f of TEXT_FIELDS) if (patch[f] !== undefined) next[f] = patch[f];
  if (patch.color === null) delete next.color;
  else if (patch.color !== undefined) next.color = patch.color.toLowerCase();
  if (patch.timeZone !== undefined) next.timeZone = patch.timeZone;
  if (patch.reminders !== undefined) next.reminders = [...new Set(patch.reminders)].sort((a, b) => a - b);
  if (patch.recurrence === null) {
    delete next.recurrence;
    return { ...next, exceptions: [], overrides: {} };
  }
  next.recurrence = patch.recurrence ? cleanRecurrence(patch.recurrence) : shiftRule(e.recurrence!, seriesStart, e.allDay, newStart, allDay);

  next.exceptions = e.exceptions.map((k) => move(parseWallClock(k, e.allDay)!)).sort();
  const overrides: Record<string, OccurrenceOverride> = {};
  for (const [k, o] of Object.entries(e.overrides)) {
    const from = parseWallClock(k, e.allDay)!;
    const moved: OccurrenceOverride = { ...o };
    if (k === keyText) for (const f of [...TEXT_FIELDS, 'color'] as const) if (patch[f] !== undefined) delete moved[f];
    if (k === keyText && touchesTime) {
      delete moved.allDay;
      delete moved.start;
      delete moved.end;
      // it stays where the person put it, if that is not simply its slot in the moved series
      if (start !== from + delta) moved.start = formatWallClock(start, allDay);
      if (end !== start + duration) moved.end = formatWallClock(end, allDay);
    } else if (formChange) {
      delete moved.allDay;
      delete moved.start;
      delete moved.end;
    } else {
      const form = o.allDay ?? e.allDay;
      if (o.start !== undefined) moved.start = formatWallClock(parseWallClock(o.start, form)! + delta, form);
      if (o.end !== undefined) moved.end = formatWallClock(parseWallClock(o.end, form)! + delta, form);
    }
    if (Object.keys(moved).length > 0) overrides[move(from)] = moved;
  }
  next.overrides = overrides;
  return next;
}

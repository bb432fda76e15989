import type { CalendarEventData, Occurrence, OccurrenceOverride } from './CalendarData.ts';
import { CALENDAR_LIMITS as L } from './calendarLayout.ts';
import { eventProblem } from './eventProblem.ts';
import { formatWallClock } from './formatWallClock.ts';
import { instantToWallClock } from './instantToWallClock.ts';
import { occurrenceTimes, type OccurrenceTimes } from './occurrenceTimes.ts';
import { parseWallClock } from './parseWallClock.ts';
import { SeriesRule, type RuleBudget } from './SeriesRule.ts';
import { wallClockToInstant } from './wallClockToInstant.ts';

// Clocks run from 12 h behind UTC to 14 h ahead: a wall-clock time is within this of its instant.
const ZONE_SLACK = 15 * 3_600_000;

type Range = { from: number; to: number };

function toOccurrence(e: CalendarEventData, key: string, times: OccurrenceTimes, override: OccurrenceOverride | undefined, range: Range): Occurrence | null {
  let startMs = times.start;
  let endMs = times.end;
  let shownStart = times.start;
  let shownEnd = times.end;
  if (!times.allDay) {
    startMs = wallClockToInstant(times.start, e.timeZone);
    endMs = wallClockToInstant(times.end, e.timeZone);
    // both ends in one skipped hour, or the end in it: keep the length it was meant to have
    if (endMs <= startMs) endMs = startMs + (times.end - times.start);
    // the times clocks really show, so a time moved out of a skipped hour says where it went
    shownStart = instantToWallClock(startMs, e.timeZone);
    shownEnd = instantToWallClock(endMs, e.timeZone);
  }
  if (!(startMs < range.to && endMs > range.from)) return null;
  const occurrence: Occurrence = {
    eventId: e.id,
    occurrenceKey: key,
    title: override?.title ?? e.title,
    location: override?.location ?? e.location,
    description: override?.description ?? e.description,
    allDay: times.allDay,
    startMs,
    endMs,
    // most occurrences start at their key: no need to format it again
    start: !override && shownStart === times.start ? key : formatWallClock(shownStart, times.allDay),
    end: formatWallClock(shownEnd, times.allDay),
    timeZone: e.timeZone,
    recurring: e.recurrence !== undefined,
    reminders: [...e.reminders],
  };
  const color = override?.color ?? e.color;
  if (color !== undefined) occurrence.color = color;
  return occurrence;
}

function expandSeries(e: CalendarEventData, range: Range, budget: RuleBudget, out: Occurrence[]): void {
  const start = parseWallClock(e.start, e.allDay)!;
  const duration = parseWallClock(e.end, e.allDay)! - start;
  const rule = new SeriesRule(e.recurrence!, start, e.allDay);
  const slack = e.allDay ? 0 : ZONE_SLACK;
  // every original start whose occurrence, unless an override moves it, can overlap the range
  const window = { from: range.from - slack - duration, to: range.to + slack };
  const skipped = new Set(e.exceptions);
  const hasOverrides = Object.keys(e.overrides).length > 0;
  for (const k of rule.between(window.from, window.to, budget) ?? []) {
    const key = formatWallClock(k, e.allDay);
    if (skipped.has(key)) continue;
    const override = hasOverrides ? e.overrides[key] : undefined;
    const times = override ? occurrenceTimes(e, k, override) : { allDay: e.allDay, start: k, end: k + duration };
    const o = toOccurrence(e, key, times, override, range);
    if (o) out.push(o);
  }
  // occurrences an override moves into the range from outside the window
  for (const [key, override] of Object.entries(e.overrides)) {
    const k = parseWallClock(key, e.allDay)!;
    if ((k >= window.from && k <= window.to) || skipped.has(key)) continue;
    if (override.start === undefined && override.end === undefined && override.allDay === undefined) continue;
    const o = toOccurrence(e, key, occurrenceTimes(e, k, override), override, range);
    if (o && rule.between(k, k, budget)?.length === 1) out.push(o);
  }
}

/**
 * The occurrences of `events` that overlap [rangeStartMs, rangeEndMs) (UTC
 * ms), by start, then event id and key. A repeating event repeats at its
 * wall-clock time in its own zone, so a 09:00 Paris meeting is 08:00 UTC in
 * winter and 07:00 UTC in summer; exceptions are skipped and overrides
 * applied, including ones that move an occurrence into or out of the range.
 * All-day occurrences count as the UTC days of their dates (a viewer places
 * them by date, not by instant). Bounded whatever the data: events that would
 * not pass `eventProblem` are skipped, rrule runs at most `maxRuleSteps`
 * steps (a series it could not reach is left out; where a counted series ends
 * is remembered, so the next query gets further), and at most
 * `maxOccurrences` (the earliest) are returned. Never throws.
 */
export function expandOccurrences(
  events: readonly CalendarEventData[],
  rangeStartMs: number,
  rangeEndMs: number,
  { maxOccurrences = L.MAX_OCCURRENCES, maxRuleSteps = L.MAX_RULE_STEPS }: { maxOccurrences?: number; maxRuleSteps?: number } = {},
): Occurrence[] {
  if (!(rangeEndMs > rangeStartMs)) return [];
  const range = { from: rangeStartMs, to: rangeEndMs };
  const budget: RuleBudget = { steps: maxRuleSteps };
  const out: Occurrence[] = [];
  for (const e of events) {
    if (eventProblem(e)) continue;
    if (e.recurrence) {
      if (budget.steps <= 0) continue;
      expandSeries(e, range, budget, out);
      continue;
    }
    const times = occurrenceTimes(e, parseWallClock(e.start, e.allDay)!);
    const o = toOccurrence(e, e.start, times, undefined, range);
    if (o) out.push(o);
  }
  out.sort((a, b) => a.startMs - b.startMs || (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : a.occurrenceKey < b.occurrenceKey ? -1 : 1));
  return out.length > maxOccurrences ? out.slice(0, maxOccurrences) : out;
}

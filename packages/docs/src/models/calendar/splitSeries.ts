import type { CalendarEventData, OccurrenceOverride } from './CalendarData.ts';
import { formatWallClock } from './formatWallClock.ts';
import { parseWallClock } from './parseWallClock.ts';
import { cleanRecurrence } from './recurrenceProblem.ts';
import { SeriesRule } from './SeriesRule.ts';

export type SplitSeries = {
  /** The series up to the occurrence before the split: `until` that occurrence, no `count`. */
  head: CalendarEventData;
  /** From the split on, still with the original's id: the rest of the rule, the exceptions and overrides from there. */
  tail: CalendarEventData;
};

/**
 * Cuts the repeating event `e` (valid) before its occurrence at `key`
 * (floating ms, an instance of the rule). A count is shared out: the head
 * keeps the occurrences it has, the tail the rest, so none is lost or made.
 * Null when there is nothing before `key`: the split is the whole series.
 */
export function splitSeries(e: CalendarEventData, key: number, modified: number): SplitSeries | null {
  const rule = e.recurrence!;
  const start = parseWallClock(e.start, e.allDay)!;
  const series = new SeriesRule(rule, start, e.allDay);
  const previous = series.previous(key);
  if (previous === null) return null;
  const duration = parseWallClock(e.end, e.allDay)! - start;
  const before = (k: string) => parseWallClock(k, e.allDay)! < key;
  const part = (keep: (k: string) => boolean): Record<string, OccurrenceOverride> => Object.fromEntries(Object.entries(e.overrides).filter(([k]) => keep(k)));

  const headRule = cleanRecurrence(rule);
  delete headRule.count;
  headRule.until = formatWallClock(previous, e.allDay);
  const head: CalendarEventData = { ...e, recurrence: headRule, exceptions: e.exceptions.filter(before), overrides: part(before), modified };

  const tailRule = cleanRecurrence(rule);
  if (tailRule.count !== undefined) tailRule.count -= series.countBefore(key);
  const tail: CalendarEventData = {
    ...e,
    start: formatWallClock(key, e.allDay),
    end: formatWallClock(key + duration, e.allDay),
    recurrence: tailRule,
    exceptions: e.exceptions.filter((k) => !before(k)),
    overrides: part((k) => !before(k)),
    created: modified,
    modified,
  };
  return { head, tail };
}

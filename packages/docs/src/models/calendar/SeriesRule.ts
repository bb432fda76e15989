import * as rruleModule from 'rrule';
import type { Options } from 'rrule';
import type { RecurrenceRule } from './CalendarData.ts';
import { parseWallClock } from './parseWallClock.ts';
import { WEEKDAYS } from './recurrenceProblem.ts';

// rrule ships CommonJS to Node (whose named-export detection misses RRule) and ESM to bundlers: take it from either.
const RRule: typeof rruleModule.RRule = rruleModule.RRule ?? (rruleModule as unknown as { default: typeof rruleModule }).default.RRule;

/** Rule instances a caller lets rrule generate; shared by every rule a query expands. */
export type RuleBudget = { steps: number };

const DAY = 86_400_000;
const FREQ = { DAILY: RRule.DAILY, WEEKLY: RRule.WEEKLY, MONTHLY: RRule.MONTHLY, YEARLY: RRule.YEARLY } as const;
const PERIOD_DAYS = { DAILY: 1, WEEKLY: 7, MONTHLY: 31, YEARLY: 366 } as const;

/** The last instance of counted rules, which takes `count` steps to find; a few thousand numbers at most. */
const lastOfCounted = new Map<string, number>();
const MAX_CACHED = 4_000;

const floorDay = (ms: number) => Math.floor(ms / DAY) * DAY;
const unlimited = (): RuleBudget => ({ steps: Number.POSITIVE_INFINITY });

/**
 * The instants of a validated rule (see `recurrenceProblem`) as floating
 * wall-clock times: rrule runs on "UTC-as-local" dates, because its own time
 * zone support is unreliable, and callers place the results in the event's
 * zone. Queries start rrule near the asked range instead of at the series'
 * start, so a daily event from 1990 costs the same as one from last week.
 */
export class SeriesRule {
  private readonly options: Partial<Options>;

  constructor(
    readonly rule: RecurrenceRule,
    /** The series' start, floating ms. */
    readonly start: number,
    readonly allDay: boolean,
  ) {
    this.options = rruleOptions(rule, start);
  }

  /**
   * Instances in [from, to] (floating ms, inclusive), in order. Null when a
   * counted rule's end could not be found within `budget`; a list cut short
   * when the budget runs out while listing.
   */
  between(from: number, to: number, budget: RuleBudget = unlimited()): number[] | null {
    const end = this.end(budget);
    if (end === null) return null;
    const lo = Math.max(from, this.start);
    const hi = Math.min(to, end);
    if (lo > hi) return [];
    const anchor = this.anchorNear(lo);
    const rrule = new RRule({ ...this.options, dtstart: new Date(anchor) }, true);
    return rrule.between(new Date(lo), new Date(hi), true, () => budget.steps-- > 0).map((d) => d.getTime());
  }

  includes(instant: number): boolean {
    return this.between(instant, instant)?.length === 1;
  }

  /** The last instance before `instant`, or null if there is none. */
  previous(instant: number): number | null {
    const period = PERIOD_DAYS[this.rule.freq] * this.rule.interval * DAY;
    // widening windows: the previous instance is usually within a period or two, but a yearly Feb 29 may be 8 years back
    for (let span = 4 * period; ; span *= 4) {
      const from = Math.max(this.start, instant - span);
      const found = this.between(from, instant - 1);
      if (found && found.length > 0) return found[found.length - 1]!;
      if (from === this.start) return null;
    }
  }

  /** How many instances come before `instant` (the series' start counts, as RFC 5545 counts it). */
  countBefore(instant: number): number {
    if (instant <= this.start) return 0;
    const rrule = new RRule({ ...this.options, dtstart: new Date(this.start), count: this.rule.count ?? null }, true);
    return rrule.between(new Date(this.start), new Date(instant - 1), true).length;
  }

  /** The latest an instance can be (floating ms; +∞ for an endless rule), or null if `budget` ran out finding it. */
  end(budget: RuleBudget = unlimited()): number | null {
    if (this.rule.until !== undefined) return parseWallClock(this.rule.until, this.allDay) ?? this.start;
    if (this.rule.count === undefined) return Number.POSITIVE_INFINITY;
    const key = JSON.stringify([this.rule, this.start]);
    const cached = lastOfCounted.get(key);
    if (cached !== undefined) return cached;
    const count = this.rule.count;
    let ran = true;
    const all = new RRule({ ...this.options, dtstart: new Date(this.start), count }, true).all(() => (budget.steps-- > 0 ? true : (ran = false)));
    if (!ran) return null;
    const last = all.length > 0 ? all[all.length - 1]!.getTime() : this.start;
    if (lastOfCounted.size >= MAX_CACHED) lastOfCounted.delete(lastOfCounted.keys().next().value!);
    lastOfCounted.set(key, last);
    return last;
  }

  /**
   * A start for rrule at the beginning of a period (day, week, month, year) a
   * whole number of intervals after the series' start and not after `target`:
   * from there rrule yields the same instances as from the series' start,
   * because `rruleOptions` spells out every part it would otherwise take from
   * the start date. (Counted rules are bounded by `end` instead.)
   */
  private anchorNear(target: number): number {
    const { freq, interval } = this.rule;
    const start = this.start;
    if (target <= start) return start;
    const time = start - floorDay(start);
    const s = new Date(start);
    const t = new Date(target);
    let anchor: number;
    if (freq === 'DAILY') {
      anchor = start + Math.floor((target - start) / (interval * DAY)) * interval * DAY;
    } else if (freq === 'WEEKLY') {
      const monday = floorDay(start) - ((s.getUTCDay() + 6) % 7) * DAY;
      anchor = monday + Math.floor((target - monday) / (interval * 7 * DAY)) * interval * 7 * DAY + time;
    } else if (freq === 'MONTHLY') {
      const months = t.getUTCFullYear() * 12 + t.getUTCMonth() - (s.getUTCFullYear() * 12 + s.getUTCMonth());
      anchor = Date.UTC(s.getUTCFullYear(), s.getUTCMonth() + Math.floor(months / interval) * interval, 1) + time;
    } else {
      anchor = Date.UTC(s.getUTCFullYear() + Math.floor((t.getUTCFullYear() - s.getUTCFullYear()) / interval) * interval, 0, 1) + time;
    }
    return anchor > start ? anchor : start;
  }
}

/** rrule options with every part rrule would take from DTSTART spelled out, so any anchor gives the same instances. */
function rruleOptions(rule: RecurrenceRule, start: number): Partial<Options> {
  const d = new Date(start);
  const weekday = (d.getUTCDay() + 6) % 7;
  const byWeekday = rule.byWeekday?.map((w) => WEEKDAYS.indexOf(w));
  const options: Partial<Options> = {
    freq: FREQ[rule.freq],
    interval: rule.interval,
    wkst: 0,
    byhour: [d.getUTCHours()],
    byminute: [d.getUTCMinutes()],
    bysecond: [0],
    byweekday: byWeekday ?? (rule.freq === 'WEEKLY' ? [weekday] : null),
    bysetpos: rule.bySetPos ?? null,
  };
  if (rule.freq === 'MONTHLY') options.bymonthday = rule.byMonthDay ?? (byWeekday ? null : [d.getUTCDate()]);
  if (rule.freq === 'YEARLY') {
    options.bymonth = rule.byMonth ?? (rule.byMonthDay || byWeekday ? null : [d.getUTCMonth() + 1]);
    options.bymonthday = rule.byMonthDay ?? (byWeekday ? null : [d.getUTCDate()]);
  }
  return options;
}

import '../../testing/failOnConsoleError.ts';
import { RRule } from 'rrule';
import { describe, expect, it } from 'vitest';
import { createRandom, testSeeds, type Random } from '../../testing/createRandom.ts';
import type { RecurrenceRule, Weekday } from './CalendarData.ts';
import { recurrenceProblem } from './recurrenceProblem.ts';
import { SeriesRule } from './SeriesRule.ts';

const DAY = 86_400_000;
const DAYS: Weekday[] = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

function randomRule(random: Random, start: number): RecurrenceRule {
  const freq = random.pick(['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'] as const);
  const rule: RecurrenceRule = { freq, interval: 1 + random.int(freq === 'DAILY' ? 10 : 3) };
  const someDays = () => [...new Set(Array.from({ length: 1 + random.int(3) }, () => random.pick(DAYS)))];
  if (freq === 'DAILY' && random.chance(0.3)) rule.byWeekday = someDays();
  if (freq === 'WEEKLY' && random.chance(0.6)) rule.byWeekday = someDays();
  if (freq === 'MONTHLY' || freq === 'YEARLY') {
    const kind = random.int(3);
    if (kind === 1) rule.byMonthDay = [random.pick([1, 15, 28, 29, 30, 31, -1])];
    if (kind === 2) {
      rule.byWeekday = [random.pick(DAYS)];
      rule.bySetPos = random.pick([1, 2, 3, 4, -1]);
    }
    if (freq === 'YEARLY' && random.chance(0.5)) rule.byMonth = [1 + random.int(12)];
  }
  if (random.chance(0.3)) rule.count = 1 + random.int(60);
  else if (random.chance(0.3)) rule.until = new Date(start + random.int(3_000) * DAY).toISOString().slice(0, 16);
  return rule;
}

/** What rrule says, run from the series' start with rrule's own defaults: the reference. */
function reference(rule: RecurrenceRule, start: number, from: number, to: number): number[] {
  const rrule = new RRule({
    freq: RRule[rule.freq],
    interval: rule.interval,
    dtstart: new Date(start),
    byweekday: rule.byWeekday?.map((d) => RRule[d]) ?? null,
    bymonthday: rule.byMonthDay ?? null,
    bymonth: rule.byMonth ?? null,
    bysetpos: rule.bySetPos ?? null,
    count: rule.count ?? null,
    until: rule.until ? new Date(`${rule.until}Z`) : null,
  });
  return rrule.between(new Date(from), new Date(to), true).map((d) => d.getTime());
}

describe('SeriesRule', () => {
  it.each(testSeeds([1, 2, 3, 4, 5]))('starting rrule near the range gives what starting at the series does (seed %i)', (seed) => {
    const random = createRandom(seed);
    let checked = 0;
    while (checked < 40) {
      const start = Date.UTC(1995 + random.int(20), random.int(12), 1 + random.int(31), random.int(24), random.pick([0, 30]));
      const rule = randomRule(random, start);
      if (recurrenceProblem(rule, false, start)) continue;
      checked++;
      const from = start + random.int(4_000) * DAY - random.int(DAY);
      const to = from + random.int(400) * DAY;
      const series = new SeriesRule(rule, start, false);
      const context = `seed ${seed}: ${JSON.stringify(rule)} from ${new Date(start).toISOString()}, asked ${new Date(from).toISOString()}..${new Date(to).toISOString()}`;
      expect(series.between(from, to), context).toEqual(reference(rule, start, from, to));
    }
  });

  it('finds the previous instance however far back, and counts the ones before', () => {
    const start = Date.UTC(2024, 1, 29, 9);
    const leap = new SeriesRule({ freq: 'YEARLY', interval: 1 }, start, false);
    expect(leap.previous(Date.UTC(2104, 1, 29, 9))).toBe(Date.UTC(2096, 1, 29, 9));
    expect(leap.previous(start)).toBeNull();
    const counted = new SeriesRule({ freq: 'DAILY', interval: 2, count: 10 }, start, false);
    expect(counted.countBefore(start + 6 * DAY)).toBe(3);
    expect(counted.end()).toBe(start + 18 * DAY);
    expect(counted.includes(start + 18 * DAY)).toBe(true);
    expect(counted.includes(start + 20 * DAY)).toBe(false);
  });

  it('stops when the budget runs out', () => {
    const series = new SeriesRule({ freq: 'DAILY', interval: 1 }, Date.UTC(2024, 0, 1, 9), false);
    const budget = { steps: 10 };
    expect(series.between(Date.UTC(2024, 0, 1), Date.UTC(2025, 0, 1), budget)).toHaveLength(10);
    expect(new SeriesRule({ freq: 'DAILY', interval: 1, count: 50 }, Date.UTC(2023, 0, 1, 9), false).between(Date.UTC(2024, 0, 1), Date.UTC(2025, 0, 1), { steps: 10 })).toBeNull();
  });
});

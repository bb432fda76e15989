import '../../testing/failOnConsoleError.ts';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { createRandom, testSeeds } from '../../testing/createRandom.ts';
import { instantToWallClock } from './instantToWallClock.ts';
import { wallClockToInstant } from './wallClockToInstant.ts';

const ZONES = ['Europe/Paris', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Pacific/Apia', 'America/Santiago', 'UTC'];

describe('wallClockToInstant', () => {
  it.each(testSeeds([1, 2, 3]))('agrees with luxon on every time that exists once, and round-trips (seed %i)', (seed) => {
    const random = createRandom(seed);
    for (let i = 0; i < 500; i++) {
      const zone = random.pick(ZONES);
      const floating = Date.UTC(1970 + random.int(70), random.int(12), 1 + random.int(28), random.int(24), random.int(4) * 15);
      const instant = wallClockToInstant(floating, zone);
      const d = new Date(floating);
      const luxon = DateTime.fromObject(
        { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes() },
        { zone },
      );
      const repeated = luxon.offset !== luxon.minus({ hours: 3 }).offset || luxon.offset !== luxon.plus({ hours: 3 }).offset;
      if (!repeated) expect(instant, `seed ${seed}: ${zone} ${d.toISOString()}`).toBe(luxon.toMillis());
      if (instantToWallClock(instant, zone) === floating) continue;
      // only a skipped time does not round-trip: it lands after the gap
      expect(instantToWallClock(instant, zone), `seed ${seed}: ${zone} ${d.toISOString()}`).toBeGreaterThan(floating);
    }
  });

  it('takes the first of a repeated time and moves a skipped one forward by the gap (Lord Howe: half an hour)', () => {
    // Lord Howe goes from +11 to +10:30 at 02:00 local on 7 April 2024, and back at 02:00 on 6 October
    expect(new Date(wallClockToInstant(Date.UTC(2024, 3, 7, 1, 45), 'Australia/Lord_Howe')).toISOString()).toBe('2024-04-06T14:45:00.000Z');
    expect(new Date(wallClockToInstant(Date.UTC(2024, 9, 6, 2, 15), 'Australia/Lord_Howe')).toISOString()).toBe('2024-10-05T15:45:00.000Z');
    expect(instantToWallClock(wallClockToInstant(Date.UTC(2024, 9, 6, 2, 15), 'Australia/Lord_Howe'), 'Australia/Lord_Howe')).toBe(Date.UTC(2024, 9, 6, 2, 45));
  });
});

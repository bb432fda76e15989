import type { WallClock } from './WallClock.ts';
import { wallClockMs } from './wallClockMs.ts';
import { zonedWallClock } from './zonedWallClock.ts';
import { zoneOffsetMs } from './zoneOffsetMs.ts';

const DAY_MS = 86_400_000;

/**
 * The instant at which clocks in IANA zone `timeZone` show `wall`. As RFC 5545
 * says (§3.3.5): a time that occurs twice (clocks going back) is the first of
 * the two; a time that does not occur (clocks going forward) is read with the
 * offset from before the gap, so 02:30 on a 02:00→03:00 night is 03:30.
 */
export function zonedInstant(wall: WallClock, timeZone: string): number {
  const local = wallClockMs(wall);
  const candidates = [local - zoneOffsetMs(local - DAY_MS, timeZone), local - zoneOffsetMs(local + DAY_MS, timeZone)];
  const valid = candidates.filter((ms) => wallClockMs(zonedWallClock(ms, timeZone)) === local);
  return valid.length ? Math.min(...valid) : candidates[0]!;
}

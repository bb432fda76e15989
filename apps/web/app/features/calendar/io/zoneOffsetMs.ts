import { wallClockMs } from './wallClockMs.ts';
import { zonedWallClock } from './zonedWallClock.ts';

/** How far IANA zone `timeZone`'s clocks are ahead of UTC at instant `ms` (negative west of Greenwich). */
export function zoneOffsetMs(ms: number, timeZone: string): number {
  const whole = Math.floor(ms / 1000) * 1000;
  return wallClockMs(zonedWallClock(whole, timeZone)) - whole;
}

import type { WallClock } from './WallClock.ts';

/** The wall clock of instant `ms` in UTC; the inverse of `wallClockMs`. */
export function utcWallClock(ms: number): WallClock {
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds() };
}

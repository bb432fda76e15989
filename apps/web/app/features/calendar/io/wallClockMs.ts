import type { WallClock } from './WallClock.ts';

/** The instant `wall` would be if it were UTC; also what wall-clock arithmetic works on. */
export function wallClockMs(wall: WallClock): number {
  const date = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC maps years 0–99 to 1900–1999.
  date.setUTCFullYear(wall.year, wall.month - 1, wall.day);
  date.setUTCHours(wall.hour, wall.minute, wall.second, 0);
  return date.getTime();
}

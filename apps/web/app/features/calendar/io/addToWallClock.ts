import { utcWallClock } from './utcWallClock.ts';
import { wallClockMs } from './wallClockMs.ts';
import { wallClockOf } from './wallClockOf.ts';
import { wallClockText } from './wallClockText.ts';

/** A model time or date moved by `seconds` of wall-clock time (a day is always 86,400 s here: no zone is involved). */
export function addToWallClock(text: string, seconds: number): string {
  return wallClockText(utcWallClock(wallClockMs(wallClockOf(text)) + seconds * 1000), text.length <= 10);
}

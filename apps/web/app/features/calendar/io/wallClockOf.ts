import type { WallClock } from './WallClock.ts';

/** A model time (`YYYY-MM-DDTHH:mm`) or date (`YYYY-MM-DD`, at midnight) as a wall clock. */
export function wallClockOf(text: string): WallClock {
  const n = (from: number, to: number) => Number(text.slice(from, to));
  const timed = text.length > 10;
  return { year: n(0, 4), month: n(5, 7), day: n(8, 10), hour: timed ? n(11, 13) : 0, minute: timed ? n(14, 16) : 0, second: 0 };
}

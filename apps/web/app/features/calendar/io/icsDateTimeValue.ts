import type { WallClock } from './WallClock.ts';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A wall clock as an ICS local DATE-TIME, `YYYYMMDDTHHMMSS` (add `Z` for UTC). */
export function icsDateTimeValue(w: WallClock): string {
  return `${pad(w.year, 4)}${pad(w.month)}${pad(w.day)}T${pad(w.hour)}${pad(w.minute)}${pad(w.second)}`;
}

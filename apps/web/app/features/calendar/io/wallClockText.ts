import type { WallClock } from './WallClock.ts';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A wall clock in the model's form: `YYYY-MM-DD` for all-day, else `YYYY-MM-DDTHH:mm` (seconds are dropped). */
export function wallClockText(wall: WallClock, allDay: boolean): string {
  const date = `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}`;
  return allDay ? date : `${date}T${pad(wall.hour)}:${pad(wall.minute)}`;
}

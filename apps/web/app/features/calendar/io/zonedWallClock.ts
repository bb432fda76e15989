import type { WallClock } from './WallClock.ts';

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The wall clock of instant `ms` in IANA zone `timeZone`, from the platform's
 * own zone data (Intl), so no zone database ships with the app.
 * @throws RangeError for a zone the platform does not know.
 */
export function zonedWallClock(ms: number, timeZone: string): WallClock {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  const wall: WallClock = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  let bc = false;
  for (const part of format.formatToParts(ms)) {
    if (part.type === 'era') bc = part.value.startsWith('B');
    else if (part.type in wall) wall[part.type as keyof WallClock] = Number(part.value);
  }
  if (bc) wall.year = 1 - wall.year;
  return wall;
}

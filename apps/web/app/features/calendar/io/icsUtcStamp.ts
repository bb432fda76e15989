import { icsDateTimeValue } from './icsDateTimeValue.ts';
import { utcWallClock } from './utcWallClock.ts';

/** Instant `ms` as an ICS UTC DATE-TIME (`20250310T080000Z`); milliseconds are dropped. */
export function icsUtcStamp(ms: number): string {
  return `${icsDateTimeValue(utcWallClock(ms))}Z`;
}

import { zoneOffset } from './zoneOffset.ts';

/** The floating wall-clock time (see `parseWallClock`) that clocks in `zone` show at `instant`. `zone` must be valid. */
export function instantToWallClock(instant: number, zone: string): number {
  return instant + zoneOffset(zone, instant) * 60_000;
}

import { zoneOffset } from './zoneOffset.ts';

const MINUTE = 60_000;
const DAY = 86_400_000;

/**
 * The instant (UTC ms) at which clocks in `zone` show the floating wall-clock
 * time `floating`. A time repeated when clocks go back is its first instant;
 * a time skipped when they go forward is moved forward by the gap (02:30 on a
 * spring-forward night is 03:30), as RFC 5545 §3.3.5 says. `zone` must be valid.
 */
export function wallClockToInstant(floating: number, zone: string): number {
  // A day either side: at most one transition lies in between, and these are the offsets on both sides of it.
  const before = zoneOffset(zone, floating - DAY);
  const after = zoneOffset(zone, floating + DAY);
  let best: number | null = null;
  for (const offset of before === after ? [before] : [before, after]) {
    const instant = floating - offset * MINUTE;
    if (zoneOffset(zone, instant) === offset && (best === null || instant < best)) best = instant;
  }
  return best ?? floating - before * MINUTE;
}

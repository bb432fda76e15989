import { zoneOffsetMs } from './zoneOffsetMs.ts';

/** A change of a zone's UTC offset: from `ms` on, clocks are `after` ahead of UTC instead of `before`. */
export type ZoneTransition = { ms: number; before: number; after: number };

/** Changes reversed within a week are not seen; no zone has had one since the 1940s except Morocco's Ramadan, which lasts a month. */
const STEP_MS = 7 * 86_400_000;

/**
 * The offset changes of IANA zone `timeZone` in [fromMs, toMs), to the
 * second, found from the platform's zone data by sampling every week and
 * bisecting where the offset differs.
 */
export function zoneTransitions(timeZone: string, fromMs: number, toMs: number): ZoneTransition[] {
  const transitions: ZoneTransition[] = [];
  let lo = fromMs;
  let before = zoneOffsetMs(lo, timeZone);
  while (lo < toMs) {
    const hi = Math.min(lo + STEP_MS, toMs);
    const after = zoneOffsetMs(hi, timeZone);
    if (after !== before) {
      // Invariant: offset at a is `before`, at b is not.
      let a = Math.floor(lo / 1000);
      let b = Math.floor(hi / 1000);
      while (b - a > 1) {
        const mid = Math.floor((a + b) / 2);
        if (zoneOffsetMs(mid * 1000, timeZone) === before) a = mid;
        else b = mid;
      }
      const changed = zoneOffsetMs(b * 1000, timeZone);
      transitions.push({ ms: b * 1000, before, after: changed });
      before = changed;
      lo = b * 1000;
      continue;
    }
    lo = hi;
  }
  return transitions;
}

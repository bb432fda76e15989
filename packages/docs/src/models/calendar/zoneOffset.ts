import { IANAZone } from 'luxon';

const DAY = 86_400_000;
const MAX_CACHED_DAYS = 20_000;
/** zone → UTC day → the offset all day long, or null on a day clocks change. */
const daily = new Map<string, Map<number, number | null>>();

/**
 * The UTC offset (minutes) of valid IANA `zone` at `instant`. Luxon asks Intl
 * every time (~30 µs); expanding a year of daily events asks thousands of
 * times, so whole days without a change are remembered. (A day with two
 * changes that cancel out would be missed; no zone has had one.)
 */
export function zoneOffset(zone: string, instant: number): number {
  const day = Math.floor(instant / DAY);
  let days = daily.get(zone);
  if (!days) daily.set(zone, (days = new Map()));
  let offset = days.get(day);
  if (offset === undefined) {
    const z = IANAZone.create(zone);
    const first = z.offset(day * DAY);
    offset = first === z.offset(day * DAY + DAY - 1) ? first : null;
    if (days.size >= MAX_CACHED_DAYS) days.clear();
    days.set(day, offset);
  }
  return offset ?? IANAZone.create(zone).offset(instant);
}

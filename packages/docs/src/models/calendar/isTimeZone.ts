import { IANAZone } from 'luxon';

const MAX_ZONE_CHARS = 64;
// Intl is asked once per name: every read and every expansion checks the zone of every event.
const known = new Map<string, boolean>();
const MAX_KNOWN = 1_000;

/** An IANA zone this runtime knows (`Europe/Paris`, `UTC`). */
export function isTimeZone(z: unknown): z is string {
  if (typeof z !== 'string' || z.length === 0 || z.length > MAX_ZONE_CHARS) return false;
  let valid = known.get(z);
  if (valid === undefined) {
    valid = IANAZone.isValidZone(z);
    if (known.size >= MAX_KNOWN) known.clear();
    known.set(z, valid);
  }
  return valid;
}

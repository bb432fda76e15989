const IANA_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/;
const known = new Map<string, string | undefined>();

/**
 * `name` as an IANA zone the platform knows, in its own spelling when only the
 * case differs (`europe/paris` → `Europe/Paris`), else undefined. Offsets such
 * as `+01:00`, which Intl also accepts, are not zones.
 */
export function ianaTimeZone(name: string): string | undefined {
  if (known.has(name)) return known.get(name);
  let zone: string | undefined;
  if (name.length <= 64 && IANA_NAME.test(name)) {
    try {
      const resolved = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
      // Keep aliases as written (Asia/Kolkata, which some ICU builds resolve to Asia/Calcutta).
      zone = resolved.toLowerCase() === name.toLowerCase() ? resolved : name;
    } catch {
      zone = undefined;
    }
  }
  known.set(name, zone);
  return zone;
}

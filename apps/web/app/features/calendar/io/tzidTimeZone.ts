import { ianaTimeZone } from './ianaTimeZone.ts';
import { WINDOWS_TIME_ZONES } from './windowsTimeZones.ts';

/**
 * The IANA zone a TZID names, or undefined: the name itself (Google, Apple),
 * a Windows name (Outlook), or a name after a path prefix
 * (`/mozilla.org/20050126_1/Europe/Paris`, `/freeassociation.sourceforge.net/Europe/Paris`).
 */
export function tzidTimeZone(tzid: string): string | undefined {
  const name = tzid.trim();
  const direct = ianaTimeZone(name);
  if (direct) return direct;
  const windows = WINDOWS_TIME_ZONES[name];
  if (windows && Object.hasOwn(WINDOWS_TIME_ZONES, name)) return ianaTimeZone(windows);
  if (!name.startsWith('/')) return undefined;
  const segments = name.split('/');
  // Longest IANA-looking suffix with a slash first, so America/Argentina/Buenos_Aires beats Argentina/Buenos_Aires.
  for (let i = 1; i < segments.length - 1; i++) {
    const zone = ianaTimeZone(segments.slice(i).join('/'));
    if (zone) return zone;
  }
  return undefined;
}

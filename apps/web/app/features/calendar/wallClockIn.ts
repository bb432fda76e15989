import { formatWallClock, instantToWallClock } from '@coffre/docs';

/** An instant as wall-clock time (`YYYY-MM-DDTHH:mm`) in an IANA zone, the form events keep their times in. */
export function wallClockIn(ms: number, zone: string): string {
  return formatWallClock(instantToWallClock(ms, zone), false);
}

/** A local `Date` from the calendar grid (the viewer's zone) as a `YYYY-MM-DD` date. */
export function localDate(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The viewer's own zone. */
export function viewerZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

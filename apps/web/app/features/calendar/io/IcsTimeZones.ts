import { CALENDAR_LIMITS } from '@coffre/docs';
import ICAL from 'ical.js';
import { CalendarImportError } from './calendarImportError.ts';
import { ianaTimeZone } from './ianaTimeZone.ts';
import { tzidTimeZone } from './tzidTimeZone.ts';
import type { WallClock } from './WallClock.ts';
import { wallClockMs } from './wallClockMs.ts';
import { wallClockText } from './wallClockText.ts';
import { zonedInstant } from './zonedInstant.ts';
import { zonedWallClock } from './zonedWallClock.ts';

/** Rule parts a VTIMEZONE observance may use; with others (BYHOUR, BYMINUTE…) ical.js would expand thousands of changes a year. */
const OBSERVANCE_RULE_PARTS = new Set(['BYMONTH', 'BYDAY', 'BYMONTHDAY']);

type Source = { kind: 'floating' } | { kind: 'utc' } | { kind: 'iana'; zone: string } | { kind: 'custom'; zone: ICAL.Timezone };

/**
 * How the times of one file map to the model's wall clocks in IANA zones.
 * A TZID that names an IANA zone (directly, the Windows way, after a path, or
 * by its VTIMEZONE's X-LIC-LOCATION) is used by name and its VTIMEZONE
 * ignored; the platform's zone data is newer than the file's. Any other TZID
 * is converted through its VTIMEZONE into the default zone; without one it is
 * read as floating. UTC and floating times land in the default zone.
 */
export class IcsTimeZones {
  private readonly vtimezones = new Map<string, ICAL.Component>();
  private readonly sources = new Map<string, Source>();

  constructor(
    calendars: readonly ICAL.Component[],
    readonly defaultTimeZone: string,
  ) {
    for (const calendar of calendars) {
      for (const vtimezone of calendar.getAllSubcomponents('vtimezone')) {
        const tzid = vtimezone.getFirstPropertyValue('tzid');
        if (typeof tzid === 'string' && !this.vtimezones.has(tzid)) this.vtimezones.set(tzid, vtimezone);
      }
    }
  }

  /** The IANA zone of an event starting at `time` (with its property's `tzid`): its own if it has one, else the default. */
  eventZone(time: ICAL.Time, tzid: string | undefined): string {
    const source = this.sourceOf(time, tzid);
    return source.kind === 'iana' ? source.zone : this.defaultTimeZone;
  }

  /**
   * `time` as a model time in `zone`: `YYYY-MM-DD` when `allDay` (a
   * date-time gives its date there), else `YYYY-MM-DDTHH:mm` (a date is its
   * midnight; seconds are dropped).
   * @throws CalendarImportError `CORRUPT_FILE` for a date that is not one.
   */
  wallClock(time: ICAL.Time, tzid: string | undefined, zone: string, allDay: boolean): string {
    const wall: WallClock = { year: time.year, month: time.month, day: time.day, hour: time.hour, minute: time.minute, second: time.second };
    if (!isValidWallClock(wall)) throw new CalendarImportError('CORRUPT_FILE');
    if (time.isDate) return wallClockText(wall, allDay);
    const source = this.sourceOf(time, tzid);
    if (source.kind === 'floating' || (source.kind === 'iana' && source.zone === zone)) return wallClockText(wall, allDay);
    const instant = source.kind === 'utc' ? wallClockMs(wall) : source.kind === 'iana' ? zonedInstant(wall, source.zone) : wallClockMs(wall) - customOffsetMs(source.zone, time);
    return wallClockText(zonedWallClock(instant, zone), allDay);
  }

  private sourceOf(time: ICAL.Time, tzid: string | undefined): Source {
    if (time.zone === ICAL.Timezone.utcTimezone) return { kind: 'utc' };
    if (!tzid) return { kind: 'floating' };
    let source = this.sources.get(tzid);
    if (!source) {
      source = this.resolve(tzid);
      this.sources.set(tzid, source);
    }
    return source;
  }

  private resolve(tzid: string): Source {
    const named = tzidTimeZone(tzid);
    if (named) return { kind: 'iana', zone: named };
    const vtimezone = this.vtimezones.get(tzid);
    if (!vtimezone) return { kind: 'floating' };
    const location = vtimezone.getFirstPropertyValue('x-lic-location');
    const located = typeof location === 'string' ? ianaTimeZone(location.trim()) : undefined;
    if (located) return { kind: 'iana', zone: located };
    return isBoundedVtimezone(vtimezone) ? { kind: 'custom', zone: new ICAL.Timezone(vtimezone) } : { kind: 'floating' };
  }
}

function customOffsetMs(zone: ICAL.Timezone, time: ICAL.Time): number {
  let seconds: number;
  try {
    seconds = zone.utcOffset(time);
  } catch {
    throw new CalendarImportError('CORRUPT_FILE');
  }
  if (!Number.isFinite(seconds)) throw new CalendarImportError('CORRUPT_FILE');
  return seconds * 1000;
}

function isValidWallClock(w: WallClock): boolean {
  const within = (n: number, min: number, max: number) => Number.isInteger(n) && n >= min && n <= max;
  return within(w.year, CALENDAR_LIMITS.MIN_YEAR, CALENDAR_LIMITS.MAX_YEAR) && within(w.month, 1, 12) && within(w.day, 1, 31) && within(w.hour, 0, 23) && within(w.minute, 0, 59) && within(w.second, 0, 60);
}

/** Observances whose rules ical.js can expand cheaply: yearly, by month and day only. */
function isBoundedVtimezone(vtimezone: ICAL.Component): boolean {
  const observances = [...vtimezone.getAllSubcomponents('standard'), ...vtimezone.getAllSubcomponents('daylight')];
  if (observances.length === 0) return false;
  try {
    return observances.every((observance) =>
      observance.getAllProperties('rrule').every((property) => {
        const rule = property.getFirstValue() as ICAL.Recur;
        return rule.freq === 'YEARLY' && Object.keys(rule.parts).every((part) => OBSERVANCE_RULE_PARTS.has(part));
      }),
    );
  } catch {
    return false;
  }
}

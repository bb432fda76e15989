import type { RecurrenceRule } from '@coffre/docs';
import { icsUtcStamp } from './icsUtcStamp.ts';
import { icsDateTimeValue } from './icsDateTimeValue.ts';
import { ianaTimeZone } from './ianaTimeZone.ts';
import { wallClockOf } from './wallClockOf.ts';
import { zonedInstant } from './zonedInstant.ts';

/**
 * A `RecurrenceRule` as an RRULE value. One weekday at a position is written
 * `BYDAY=2TU` where that means the same as `BYDAY=TU;BYSETPOS=2` (in a month,
 * or a year of one month), which more programs read. UNTIL is in UTC for timed
 * events, as RFC 5545 requires with a TZID start; floating if the platform
 * does not know the zone.
 */
export function recurrenceToIcs(rule: RecurrenceRule, allDay: boolean, timeZone: string): string {
  const parts = [`FREQ=${rule.freq}`];
  if (rule.interval > 1) parts.push(`INTERVAL=${rule.interval}`);
  if (rule.byMonth?.length) parts.push(`BYMONTH=${rule.byMonth.join(',')}`);
  if (rule.byWeekday?.length) {
    const oneMonth = rule.freq === 'MONTHLY' || (rule.freq === 'YEARLY' && rule.byMonth?.length === 1);
    if (rule.bySetPos !== undefined && rule.byWeekday.length === 1 && oneMonth) parts.push(`BYDAY=${rule.bySetPos}${rule.byWeekday[0]}`);
    else {
      parts.push(`BYDAY=${rule.byWeekday.join(',')}`);
      if (rule.bySetPos !== undefined) parts.push(`BYSETPOS=${rule.bySetPos}`);
    }
  }
  if (rule.byMonthDay?.length) parts.push(`BYMONTHDAY=${rule.byMonthDay.join(',')}`);
  if (rule.until) parts.push(`UNTIL=${untilValue(rule.until, allDay, timeZone)}`);
  else if (rule.count !== undefined) parts.push(`COUNT=${rule.count}`);
  return parts.join(';');
}

function untilValue(until: string, allDay: boolean, timeZone: string): string {
  if (allDay) return until.slice(0, 10).replaceAll('-', '');
  const wall = wallClockOf(until.length > 10 ? until : `${until}T23:59`);
  return ianaTimeZone(timeZone) ? icsUtcStamp(zonedInstant(wall, timeZone)) : icsDateTimeValue(wall);
}

import ICAL from 'ical.js';
import { CalendarImportError } from './calendarImportError.ts';

export type IcsTime = { time: ICAL.Time; tzid: string | undefined };

/**
 * The date or date-time values of a property with the TZID they are in (a
 * TZID names its VTIMEZONE, which ical.js may already have swapped in).
 * @throws CalendarImportError `CORRUPT_FILE` for values that are not dates.
 */
export function readIcsTime(property: ICAL.Property): IcsTime[] {
  const tzid = property.getParameter('tzid');
  let values: unknown[];
  try {
    values = property.getValues();
  } catch {
    throw new CalendarImportError('CORRUPT_FILE');
  }
  if (!values.every((v) => v instanceof ICAL.Time)) throw new CalendarImportError('CORRUPT_FILE');
  // ical.js rolls impossible dates over (Feb 30 → Mar 2, 25:00 → the next day); a file that wrote one is damaged.
  const raw = (property.toJSON() as unknown[]).slice(3);
  if (!(values as ICAL.Time[]).every((time, i) => writtenAs(time, raw[i]))) throw new CalendarImportError('CORRUPT_FILE');
  return (values as ICAL.Time[]).map((time) => ({ time, tzid: typeof tzid === 'string' ? tzid : undefined }));
}

function writtenAs(time: ICAL.Time, raw: unknown): boolean {
  const m = typeof raw === 'string' ? /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2}))?/.exec(raw) : null;
  if (!m) return false;
  const [year, month, day, hour = '0', minute = '0'] = m.slice(1);
  return time.year === Number(year) && time.month === Number(month) && time.day === Number(day) && time.hour === Number(hour) && time.minute === Number(minute);
}

import { CALENDAR_LIMITS } from '@coffre/docs';
import ICAL from 'ical.js';
import { CALENDAR_IMPORT_LIMITS } from './calendarImportLimits.ts';

/**
 * An event's VALARMs as minutes before its start, in file order without
 * repeats, at most `MAX_REMINDERS_PER_EVENT`. Dropped: alarms after the start,
 * more than four weeks before it (the model's limit), relative to the end, at a fixed date-time, with ACTION:NONE (Apple's
 * placeholder), or whose trigger does not parse. The model has minutes; a
 * trigger in seconds is rounded.
 */
export function remindersFromIcs(vevent: ICAL.Component): number[] {
  const minutes: number[] = [];
  for (const alarm of vevent.getAllSubcomponents('valarm')) {
    if (minutes.length === CALENDAR_IMPORT_LIMITS.MAX_REMINDERS_PER_EVENT) break;
    const action = alarm.getFirstPropertyValue('action');
    if (typeof action === 'string' && action.toUpperCase() === 'NONE') continue;
    const trigger = alarm.getFirstProperty('trigger');
    const related = trigger?.getParameter('related');
    if (!trigger || (typeof related === 'string' && related.toUpperCase() === 'END')) continue;
    let value: unknown;
    try {
      value = trigger.getFirstValue();
    } catch {
      continue;
    }
    if (!(value instanceof ICAL.Duration)) continue;
    const seconds = value.toSeconds();
    if (!Number.isFinite(seconds) || seconds > 0) continue;
    const before = Math.round(-seconds / 60) || 0; // no -0 from PT0S
    if (before <= CALENDAR_LIMITS.MAX_REMINDER_MINUTES && !minutes.includes(before)) minutes.push(before);
  }
  return minutes;
}

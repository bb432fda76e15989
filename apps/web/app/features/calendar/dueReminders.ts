import type { Occurrence } from '@coffre/docs';

export type DueReminder = { key: string; occurrence: Occurrence; minutesBefore: number };

/**
 * The reminders whose moment has come since `sinceMs` (and not more than
 * `graceMs` ago, so opening the app after a week does not ring a week of
 * reminders), skipping those already `fired`. Computed in the browser: the
 * server never learns when anything happens.
 */
export function dueReminders(occurrences: readonly Occurrence[], sinceMs: number, nowMs: number, fired: ReadonlySet<string>, graceMs = 15 * 60_000): DueReminder[] {
  const out: DueReminder[] = [];
  const from = Math.max(sinceMs, nowMs - graceMs);
  for (const o of occurrences) {
    for (const minutes of o.reminders) {
      const at = o.startMs - minutes * 60_000;
      const key = `${o.eventId}|${o.occurrenceKey}|${minutes}`;
      if (at > from && at <= nowMs && !fired.has(key)) out.push({ key, occurrence: o, minutesBefore: minutes });
    }
  }
  return out.sort((a, b) => a.occurrence.startMs - b.occurrence.startMs);
}

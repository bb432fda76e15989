import { describe, expect, it } from 'vitest';
import type { Occurrence } from '@coffre/docs';
import { dueReminders } from './dueReminders.ts';

const at = (iso: string) => Date.parse(iso);
const occurrence = (startIso: string, reminders: number[], key = startIso): Occurrence => ({
  eventId: 'e1', occurrenceKey: key, title: 'Stand-up', location: '', description: '', allDay: false,
  startMs: at(startIso), endMs: at(startIso) + 900_000, start: '', end: '', timeZone: 'UTC', recurring: true, reminders,
});

describe('dueReminders', () => {
  it('rings each reminder once, when its moment has passed, and not long after', () => {
    const list = [occurrence('2026-12-03T09:00:00Z', [10, 60]), occurrence('2026-12-04T09:00:00Z', [10])];
    const now = at('2026-12-03T08:51:00Z');
    const due = dueReminders(list, at('2026-12-03T08:40:00Z'), now, new Set());
    expect(due.map((d) => d.minutesBefore)).toEqual([10]);
    expect(dueReminders(list, at('2026-12-03T08:40:00Z'), now, new Set(due.map((d) => d.key)))).toEqual([]);
    // The 60-minute one was due at 08:00: more than the 15-minute grace before now, so it stays quiet.
    expect(dueReminders(list, 0, now, new Set()).map((d) => d.minutesBefore)).toEqual([10]);
  });
});

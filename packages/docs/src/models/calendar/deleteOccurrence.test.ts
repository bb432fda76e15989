import '../../testing/failOnConsoleError.ts';
import { describe, expect, it } from 'vitest';
import { buildCalendar } from '../../testing/buildCalendar.ts';
import { buildEventInput } from '../../testing/buildCalendarEvent.ts';
import type { RecurrenceRule } from './CalendarData.ts';
import { deleteOccurrence } from './deleteOccurrence.ts';
import { editOccurrence } from './editOccurrence.ts';

const FROM = Date.UTC(2024, 0, 1);
const TO = Date.UTC(2025, 0, 1);

function daily(rule: RecurrenceRule = { freq: 'DAILY', interval: 1, count: 5 }) {
  const built = buildCalendar();
  const id = built.calendar.addEvent(buildEventInput({ recurrence: rule }));
  return { ...built, id };
}

const starts = (o: { start: string }[]) => o.map((x) => x.start.slice(5, 10));

describe('deleteOccurrence', () => {
  it("'this' cancels one occurrence, override and all", () => {
    const { calendar, id } = daily();
    editOccurrence(calendar, id, '2024-03-05T09:00', 'this', { title: 'Special' });
    deleteOccurrence(calendar, id, '2024-03-05T09:00', 'this');
    expect(starts(calendar.occurrences(FROM, TO))).toEqual(['03-04', '03-06', '03-07', '03-08']);
    expect(calendar.requireEvent(id)).toMatchObject({ exceptions: ['2024-03-05T09:00'], overrides: {} });
    expect(() => deleteOccurrence(calendar, id, '2024-03-05T09:00', 'this')).toThrow(expect.objectContaining({ code: 'NO_SUCH_OCCURRENCE' }) as unknown as Error);
  });

  it("'following' ends the series before the occurrence, dropping the later exceptions and overrides", () => {
    const { calendar, id } = daily();
    deleteOccurrence(calendar, id, '2024-03-08T09:00', 'this');
    editOccurrence(calendar, id, '2024-03-07T09:00', 'this', { title: 'Late' });
    editOccurrence(calendar, id, '2024-03-04T09:00', 'this', { title: 'Early' });
    deleteOccurrence(calendar, id, '2024-03-06T09:00', 'following');
    expect(calendar.requireEvent(id)).toMatchObject({
      recurrence: { freq: 'DAILY', interval: 1, until: '2024-03-05T09:00' },
      exceptions: [],
      overrides: { '2024-03-04T09:00': { title: 'Early' } },
    });
    expect(starts(calendar.occurrences(FROM, TO))).toEqual(['03-04', '03-05']);
  });

  it("'following' from the first occurrence, and 'all', delete the event", () => {
    const a = daily();
    deleteOccurrence(a.calendar, a.id, '2024-03-04T09:00', 'following');
    expect(a.calendar.listEvents()).toEqual([]);
    const b = daily();
    deleteOccurrence(b.calendar, b.id, '2024-03-06T09:00', 'all');
    expect(b.calendar.listEvents()).toEqual([]);
  });

  it('deletes an event that does not repeat whatever the scope', () => {
    for (const scope of ['this', 'following', 'all'] as const) {
      const { calendar } = buildCalendar();
      const id = calendar.addEvent(buildEventInput());
      deleteOccurrence(calendar, id, '2024-03-04T09:00', scope);
      expect(calendar.getEvent(id)).toBeNull();
    }
  });
});

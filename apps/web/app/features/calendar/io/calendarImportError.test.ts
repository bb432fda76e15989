import { describe, expect, it } from 'vitest';
import { CALENDAR_IMPORT_MESSAGES, CalendarImportError } from './calendarImportError.ts';

describe('CalendarImportError', () => {
  it('is an Error with a code, its message and, for limits, which limit', () => {
    const error = new CalendarImportError('TOO_MANY_EVENTS', 'MAX_EVENTS');
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: 'CalendarImportError', code: 'TOO_MANY_EVENTS', limit: 'MAX_EVENTS', message: CALENDAR_IMPORT_MESSAGES.TOO_MANY_EVENTS });
    expect(error.message).toContain('10,000 events');
  });

  it('has a distinct message for every code', () => {
    const messages = Object.values(CALENDAR_IMPORT_MESSAGES);
    expect(new Set(messages).size).toBe(messages.length);
    expect(messages.every((m) => m.endsWith('.'))).toBe(true);
  });
});

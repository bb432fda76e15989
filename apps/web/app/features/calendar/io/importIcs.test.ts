import { CALENDAR_LIMITS, expandOccurrences } from '@coffre/docs';
import { describe, expect, it } from 'vitest';
import { CALENDAR_IMPORT_LIMITS } from './calendarImportLimits.ts';
import { exportIcs } from './exportIcs.ts';
import { importIcs } from './importIcs.ts';
import { APPLE_CALENDAR_ICS } from './testing/appleCalendarIcs.ts';
import { buildCalendarEvent } from './testing/buildCalendarEvent.ts';
import { codeOf } from './testing/codeOf.ts';
import { GOOGLE_CALENDAR_ICS } from './testing/googleCalendarIcs.ts';
import { icsBytes } from './testing/icsBytes.ts';
import { OUTLOOK_ICS } from './testing/outlookIcs.ts';

const PARIS = { defaultTimeZone: 'Europe/Paris' };
const utc = (iso: string) => Date.parse(iso);
const calendar = (...events: string[][]) => ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Test//EN', ...events.flat(), 'END:VCALENDAR'];
const vevent = (...lines: string[]) => ['BEGIN:VEVENT', 'DTSTAMP:20250101T000000Z', ...lines, 'END:VEVENT'];
const read = (lines: string[]) => importIcs(icsBytes(lines), PARIS);

/** Test-only: a deterministic PRNG, so a failing random input can be replayed from its seed. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('importIcs', () => {
  it('reads a Google Calendar export: overrides, cancelled occurrences, UTC times, nth weekdays', () => {
    const stamp = utc('2025-04-01T12:00:00Z');
    expect(importIcs(icsBytes(GOOGLE_CALENDAR_ICS), PARIS)).toEqual({
      meta: { name: 'Team', color: '#3b82f6' },
      events: [
        buildCalendarEvent({
          id: '4hq2m3l1kq0v6r9c8s7t5u3b2a@google.com',
          title: 'Stand-up',
          location: 'Room 4; 2nd floor',
          description: 'Daily sync, 30 min.\nJoin: https://meet.google.com/abc-defg-hij',
          start: '2025-03-03T09:30',
          end: '2025-03-03T10:00',
          recurrence: { freq: 'WEEKLY', interval: 1, byWeekday: ['MO', 'WE', 'FR'] },
          exceptions: ['2025-03-05T09:30', '2025-03-12T09:30'],
          overrides: { '2025-03-07T09:30': { title: 'Stand-up (moved)', start: '2025-03-07T11:00' } },
          reminders: [10],
          created: utc('2025-02-20T10:15:00Z'),
          modified: utc('2025-02-28T17:00:00Z'),
        }),
        buildCalendarEvent({
          id: '0a1b2c3d4e5f6g7h8i9j0k1l2m@google.com',
          title: 'Ada’s birthday',
          allDay: true,
          start: '2025-04-12',
          end: '2025-04-13',
          recurrence: { freq: 'YEARLY', interval: 1 },
          created: utc('2024-01-01T00:00:00Z'),
          modified: utc('2024-01-01T00:00:00Z'),
        }),
        buildCalendarEvent({
          id: '9z8y7x6w5v4u3t2s1r0q9p8o7n@google.com',
          title: 'Call with Tokyo',
          start: '2025-03-10T15:00',
          end: '2025-03-10T16:00',
          created: stamp,
          modified: stamp,
        }),
        buildCalendarEvent({
          id: 'm0nthlyr3v13w@google.com',
          title: 'Board meeting',
          start: '2025-01-14T09:00',
          end: '2025-01-14T10:00',
          timeZone: 'America/New_York',
          recurrence: { freq: 'MONTHLY', interval: 1, byWeekday: ['TU'], bySetPos: 2, until: '2025-12-31T18:59' },
          created: stamp,
          modified: stamp,
        }),
      ],
    });
  });

  it('gives the model a Google series that it expands as Google shows it', () => {
    const { events } = importIcs(icsBytes(GOOGLE_CALENDAR_ICS), PARIS);
    const standUp = expandOccurrences(events, utc('2025-03-03T00:00:00Z'), utc('2025-03-15T00:00:00Z')).filter((o) => o.title.startsWith('Stand-up'));
    expect(standUp.map((o) => [o.start, o.end, o.title])).toEqual([
      ['2025-03-03T09:30', '2025-03-03T10:00', 'Stand-up'],
      ['2025-03-07T11:00', '2025-03-07T11:30', 'Stand-up (moved)'],
      ['2025-03-10T09:30', '2025-03-10T10:00', 'Stand-up'],
      ['2025-03-14T09:30', '2025-03-14T10:00', 'Stand-up'],
    ]);
  });

  it('reads an Outlook export: Windows zone names, a custom zone, BYSETPOS, WKST', () => {
    const stamp = utc('2025-03-01T08:00:00Z');
    const data = importIcs(icsBytes(OUTLOOK_ICS), PARIS);
    expect(data.meta).toEqual({ name: 'Calendar', color: '#3b82f6' });
    expect(data.events).toEqual([
      buildCalendarEvent({
        id: '040000008200E00074C5B7101A82E0080000000010E4A2F1E38BDB01000000000000000010000000C4A1E0C5D9B6F84C8F1E2A3B4C5D6E7F',
        title: 'Quarterly review',
        location: 'Conference Room A',
        description: 'Agenda:\n1. Numbers\n2. Plans\n',
        start: '2025-01-07T14:00',
        end: '2025-01-07T15:30',
        timeZone: 'Europe/Berlin',
        recurrence: { freq: 'MONTHLY', interval: 3, byWeekday: ['TU'], bySetPos: 1, count: 4 },
        reminders: [15],
        created: stamp,
        modified: stamp,
      }),
      buildCalendarEvent({
        id: '040000008200E00074C5B7101A82E00800000000A1B2C3D4E5F6A7B8',
        title: 'Sync with NY office',
        start: '2025-03-04T09:00',
        end: '2025-03-04T09:30',
        timeZone: 'America/New_York',
        recurrence: { freq: 'WEEKLY', interval: 1, byWeekday: ['TU', 'TH'], until: '2025-06-30T09:00' },
        exceptions: ['2025-03-11T09:00'],
        created: stamp,
        modified: stamp,
      }),
      // 15:00 at +05:30 is 09:30 UTC, 10:30 in Paris.
      buildCalendarEvent({
        id: '040000008200E00074C5B7101A82E00800000000FFEEDDCCBBAA9988',
        title: 'Vendor call',
        start: '2025-03-20T10:30',
        end: '2025-03-20T11:30',
        created: stamp,
        modified: stamp,
      }),
      buildCalendarEvent({
        id: '040000008200E00074C5B7101A82E0080000000011223344556677',
        title: 'Good Friday',
        allDay: true,
        start: '2025-04-18',
        end: '2025-04-19',
        created: stamp,
        modified: stamp,
      }),
    ]);
  });

  it('reads an Apple Calendar export: calendar colour, placeholder alarms, floating times, DURATION', () => {
    const data = importIcs(icsBytes(APPLE_CALENDAR_ICS), PARIS);
    const stamp = utc('2025-01-10T09:00:00Z');
    expect(data.meta).toEqual({ name: 'Home', color: '#1badf8' });
    expect(data.events).toEqual([
      buildCalendarEvent({
        id: '5D8C4A0B-3E2F-4B1A-9C7D-6E5F4A3B2C1D',
        title: 'Book club 📚',
        start: '2025-01-31T18:00',
        end: '2025-01-31T19:00',
        timeZone: 'Europe/London',
        recurrence: { freq: 'MONTHLY', interval: 1, byWeekday: ['FR'], bySetPos: -1 },
        reminders: [30],
        created: utc('2025-01-02T09:00:00Z'),
        modified: utc('2025-01-03T10:00:00Z'),
      }),
      buildCalendarEvent({
        id: 'A1B2C3D4-E5F6-4A7B-8C9D-0E1F2A3B4C5D',
        title: 'Holiday in Lisbon',
        location: 'Lisbon\nPortugal',
        allDay: true,
        start: '2025-06-01',
        end: '2025-06-04',
        reminders: [900],
        created: stamp,
        modified: stamp,
      }),
      buildCalendarEvent({ id: 'B2C3D4E5-F6A7-4B8C-9D0E-1F2A3B4C5D6E', title: 'Morning run', start: '2025-07-15T08:30', end: '2025-07-15T09:30', created: stamp, modified: stamp }),
      buildCalendarEvent({
        id: 'C3D4E5F6-A7B8-4C9D-0E1F-2A3B4C5D6E7F',
        title: 'Lunch',
        start: '2025-02-10T12:00',
        end: '2025-02-10T12:45',
        timeZone: 'Europe/London',
        created: stamp,
        modified: stamp,
      }),
    ]);
  });

  it('reads a rule the model cannot hold as a single event, and its changed occurrences as events of their own', () => {
    const events = read(
      calendar(
        vevent('UID:odd', 'SUMMARY:First and third Monday', 'DTSTART;TZID=Europe/Paris:20250106T090000', 'DTEND;TZID=Europe/Paris:20250106T100000', 'RRULE:FREQ=MONTHLY;BYDAY=1MO,3MO'),
        vevent('UID:odd', 'SUMMARY:Moved', 'RECURRENCE-ID;TZID=Europe/Paris:20250120T090000', 'DTSTART;TZID=Europe/Paris:20250121T090000', 'DTEND;TZID=Europe/Paris:20250121T100000'),
      ),
    ).events;
    expect(events.map((e) => [e.title, e.start, e.recurrence, e.id === 'odd'])).toEqual([
      ['First and third Monday', '2025-01-06T09:00', undefined, true],
      ['Moved', '2025-01-21T09:00', undefined, false],
    ]);
  });

  it('drops a rule that ends before it starts, and cancelled events with their occurrences', () => {
    const events = read(
      calendar(
        vevent('UID:a', 'DTSTART;VALUE=DATE:20250310', 'RRULE:FREQ=DAILY;UNTIL=20250301'),
        vevent('UID:b', 'STATUS:CANCELLED', 'DTSTART:20250310T090000Z', 'RRULE:FREQ=DAILY'),
        vevent('UID:b', 'RECURRENCE-ID:20250311T090000Z', 'DTSTART:20250311T100000Z'),
      ),
    ).events;
    expect(events.map((e) => [e.id, e.allDay, e.start, e.end, e.recurrence])).toEqual([['a', true, '2025-03-10', '2025-03-11', undefined]]);
  });

  it('gives new ids to UIDs the model cannot keep, and keeps their occurrences with them', () => {
    const events = read(
      calendar(
        vevent('UID:line\\nbreak', 'DTSTART:20250310T090000Z', 'DTEND:20250310T100000Z', 'RRULE:FREQ=DAILY;COUNT=3'),
        vevent('UID:line\\nbreak', 'RECURRENCE-ID:20250311T090000Z', 'DTSTART:20250311T090000Z', 'DTEND:20250311T100000Z', 'SUMMARY:Changed'),
        vevent('DTSTART:20250310T090000Z'),
        vevent('UID:dup', 'DTSTART:20250310T090000Z'),
        vevent('UID:dup', 'DTSTART:20250311T090000Z'),
      ),
    ).events;
    expect(events[0]!.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(events[0]!.overrides).toEqual({ '2025-03-11T10:00': { title: 'Changed' } });
    expect(events[1]!.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(events.slice(2).map((e) => e.id)).toEqual(['dup', expect.stringMatching(/^[A-Za-z0-9_-]{22}$/)]);
    // No DTEND or DURATION: RFC 5545 says the event ends as it starts; the model needs an end after it.
    expect(events[1]!.end).toBe('2025-03-10T10:01');
  });

  it('converts EXDATEs and RECURRENCE-IDs in other zones, or as dates, into the series’ keys', () => {
    const [event] = read(
      calendar(
        vevent(
          'UID:s',
          'DTSTART;TZID=America/New_York:20250303T090000',
          'DTEND;TZID=America/New_York:20250303T100000',
          'RRULE:FREQ=DAILY',
          'EXDATE:20250304T140000Z',
          'EXDATE;VALUE=DATE:20250305',
          'EXDATE;TZID=Europe/Paris:20250306T150000',
        ),
        vevent('UID:s', 'RECURRENCE-ID;TZID=Europe/Paris:20250307T150000', 'DTSTART;TZID=Europe/Paris:20250307T160000', 'DTEND;TZID=Europe/Paris:20250307T170000'),
      ),
    ).events;
    expect(event!.exceptions).toEqual(['2025-03-04T09:00', '2025-03-05T09:00', '2025-03-06T09:00']);
    expect(event!.overrides).toEqual({ '2025-03-07T09:00': { start: '2025-03-07T10:00' } });
  });

  it('reads several calendars in one file and RFC 7986 NAME', () => {
    const data = read([
      ...calendar(['NAME:Work'], vevent('UID:a', 'DTSTART:20250310T090000Z')),
      ...calendar(['X-WR-CALNAME:Ignored'], vevent('UID:b', 'DTSTART:20250310T090000Z')),
    ]);
    expect(data.meta.name).toBe('Work');
    expect(data.events.map((e) => e.id)).toEqual(['a', 'b']);
  });

  describe('refuses, returning nothing,', () => {
    it('random bytes', () => {
      for (let seed = 1; seed <= 20; seed++) {
        const random = mulberry32(seed);
        const bytes = Uint8Array.from({ length: 4096 }, () => Math.floor(random() * 256));
        expect(codeOf(() => importIcs(bytes, PARIS)), `seed ${seed}`).toBe('CalendarImportError:NOT_AN_ICS_FILE');
        const afterHeader = Uint8Array.from([...icsBytes(['BEGIN:VCALENDAR']), ...bytes]);
        expect(codeOf(() => importIcs(afterHeader, PARIS)), `seed ${seed}`).toMatch(/^CalendarImportError:(INVALID_TEXT_ENCODING|CORRUPT_FILE)$/);
      }
    });

    it('files without a VCALENDAR', () => {
      expect(codeOf(() => read(['BEGIN:VCARD', 'VERSION:4.0', 'FN:Ada', 'END:VCARD']))).toBe('CalendarImportError:NOT_AN_ICS_FILE');
      expect(codeOf(() => read(vevent('UID:a', 'DTSTART:20250310T090000Z')))).toBe('CalendarImportError:NOT_AN_ICS_FILE');
      expect(codeOf(() => read(['BEGIN:VCALENDAR', 'END:VCALENDAR', 'BEGIN:VTODO', 'END:VTODO']))).toBe('CalendarImportError:NOT_AN_ICS_FILE');
    });

    it('truncated files', () => {
      const text = exportIcs({ meta: { name: 'Cal', color: '#3b82f6' }, events: [buildCalendarEvent(), buildCalendarEvent({ id: 'event-2' })] });
      for (const cut of [0.3, 0.6, 0.95]) {
        const bytes = new TextEncoder().encode(text.slice(0, Math.floor(text.length * cut)));
        expect(codeOf(() => importIcs(bytes, PARIS)), `cut at ${cut}`).toBe('CalendarImportError:CORRUPT_FILE');
      }
    });

    it('files over MAX_ICS_BYTES, before reading them', () => {
      const big = new Uint8Array(CALENDAR_IMPORT_LIMITS.MAX_ICS_BYTES + 1).fill(0x20);
      big.set(new TextEncoder().encode('BEGIN:VCALENDAR\r\n'));
      expect(() => importIcs(big, PARIS)).toThrow(expect.objectContaining({ name: 'CalendarImportError', code: 'FILE_TOO_LARGE', limit: 'MAX_ICS_BYTES' }));
    });

    it('invalid UTF-8', () => {
      const bytes = Uint8Array.from([...icsBytes(calendar(vevent('UID:a', 'DTSTART:20250310T090000Z', 'SUMMARY:caf'))).slice(0, -40), 0xe9, 0x0d, 0x0a]);
      expect(codeOf(() => importIcs(bytes, PARIS))).toBe('CalendarImportError:INVALID_TEXT_ENCODING');
    });

    it('events without a start, or with dates that are not dates', () => {
      expect(codeOf(() => read(calendar(vevent('UID:a', 'SUMMARY:No start'))))).toBe('CalendarImportError:CORRUPT_FILE');
      expect(codeOf(() => read(calendar(vevent('UID:a', 'DTSTART:2025XX10T090000Z'))))).toBe('CalendarImportError:CORRUPT_FILE');
      expect(codeOf(() => read(calendar(vevent('UID:a', 'DTSTART;VALUE=DATE:20250230'))))).toBe('CalendarImportError:CORRUPT_FILE');
      expect(codeOf(() => read(calendar(vevent('UID:a', 'DTSTART:20250310T250000'))))).toBe('CalendarImportError:CORRUPT_FILE');
      expect(codeOf(() => read(calendar(vevent('UID:a', 'DTSTART:09990310T090000Z'))))).toBe('CalendarImportError:CORRUPT_FILE');
    });

    it('more events than the limits', () => {
      const many = (n: number) => Array.from({ length: n }, (_, i) => vevent(`UID:e${i}`, 'DTSTART:20250310T090000Z'));
      const empty = Array.from({ length: CALENDAR_IMPORT_LIMITS.MAX_VEVENTS + 1 }, () => ['BEGIN:VEVENT', 'END:VEVENT']);
      expect(() => read(calendar(...empty))).toThrow(expect.objectContaining({ code: 'TOO_MANY_EVENTS', limit: 'MAX_VEVENTS' }));
      expect(() => read(calendar(...many(CALENDAR_LIMITS.MAX_EVENTS + 1)))).toThrow(expect.objectContaining({ code: 'TOO_MANY_EVENTS', limit: 'MAX_EVENTS' }));
      const exdates = Array.from({ length: CALENDAR_LIMITS.MAX_EXCEPTIONS + 1 }, (_, i) => `EXDATE;VALUE=DATE:${new Date(Date.UTC(2025, 0, 2 + i)).toISOString().slice(0, 10).replaceAll('-', '')}`);
      expect(() => read(calendar(vevent('UID:a', 'DTSTART;VALUE=DATE:20250101', 'RRULE:FREQ=DAILY', ...exdates)))).toThrow(
        expect.objectContaining({ code: 'TOO_MANY_EVENTS', limit: 'MAX_EXCEPTIONS_PER_EVENT' }),
      );
    });

    it('text over the model’s limits, counting emoji once', () => {
      const title = (text: string) => read(calendar(vevent('UID:a', 'DTSTART:20250310T090000Z', `SUMMARY:${text}`)));
      expect(title('🎉'.repeat(CALENDAR_LIMITS.MAX_TITLE_CHARS)).events[0]!.title).toHaveLength(2 * CALENDAR_LIMITS.MAX_TITLE_CHARS);
      expect(() => title('x'.repeat(CALENDAR_LIMITS.MAX_TITLE_CHARS + 1))).toThrow(expect.objectContaining({ code: 'TEXT_TOO_LONG', limit: 'MAX_TITLE_CHARS' }));
      expect(() => read(calendar([`X-WR-CALNAME:${'n'.repeat(CALENDAR_LIMITS.MAX_NAME_CHARS + 1)}`]))).toThrow(
        expect.objectContaining({ code: 'TEXT_TOO_LONG', limit: 'MAX_CALENDAR_NAME_CHARS' }),
      );
    });

    it('a default zone that is not one, as a caller bug', () => {
      expect(() => importIcs(icsBytes(calendar()), { defaultTimeZone: 'Europe/Atlantis' })).toThrow(RangeError);
    });
  });
});

import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { exportIcs } from './exportIcs.ts';
import { buildCalendarEvent } from './testing/buildCalendarEvent.ts';
import { buildSampleCalendar } from './testing/buildSampleCalendar.ts';

const unfolded = (ics: string) => ics.replace(/\r\n /g, '').split('\r\n');
const eventLines = (ics: string) => unfolded(ics).slice(unfolded(ics).indexOf('BEGIN:VEVENT'));
const meta = { name: 'Cal', color: '#3b82f6' };

describe('exportIcs', () => {
  it('writes a VCALENDAR with the required properties, CRLF lines of at most 75 octets', () => {
    const ics = exportIcs(buildSampleCalendar());
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Coffre//Calendar 1.0//EN\r\nCALSCALE:GREGORIAN\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = ics.split('\r\n');
    expect(lines.every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true);
    expect(lines.some((line) => line.startsWith(' '))).toBe(true);
    expect(unfolded(ics)).toContain('X-WR-CALNAME:Team\\, Paris\\; “core”');
    expect(unfolded(ics)).toContain('X-APPLE-CALENDAR-COLOR:#2f5d50');
  });

  it('is what ical.js reads as one VCALENDAR, with a VTIMEZONE per zone used by a TZID', () => {
    const calendar = new ICAL.Component(ICAL.parse(exportIcs(buildSampleCalendar())));
    expect(calendar.name).toBe('vcalendar');
    expect(calendar.getAllSubcomponents('vtimezone').map((z) => z.getFirstPropertyValue('tzid'))).toEqual(['Europe/Paris', 'America/New_York', 'Asia/Tokyo']);
    const events = calendar.getAllSubcomponents('vevent');
    expect(events).toHaveLength(13);
    expect(events.every((e) => e.hasProperty('uid') && e.hasProperty('dtstamp') && e.hasProperty('dtstart'))).toBe(true);
  });

  it('writes times with TZID, all-day dates, rules, exceptions, overrides and alarms', () => {
    const lines = unfolded(exportIcs(buildSampleCalendar()));
    expect(lines).toEqual(
      expect.arrayContaining([
        'DTSTART;TZID=Europe/Paris:20250303T093000',
        'DTEND;TZID=Europe/Paris:20250303T094500',
        'RRULE:FREQ=WEEKLY;BYDAY=MO,WE,FR;UNTIL=20251219T083000Z',
        'EXDATE;TZID=Europe/Paris:20250305T093000,20250421T093000',
        'RECURRENCE-ID;TZID=Europe/Paris:20250307T093000',
        'DTSTART;VALUE=DATE:20250804',
        'DTEND;VALUE=DATE:20250816',
        'X-COFFRE-TIMEZONE:America/New_York',
        'RRULE:FREQ=MONTHLY;BYDAY=2TU;COUNT=12',
        'EXDATE;VALUE=DATE:20271210',
        'TRIGGER:-P7D',
        'TRIGGER:PT0S',
        'DTSTAMP:20250203T174510Z',
        'SUMMARY:Lunch\\; then\\, maybe \\\\ coffee',
      ]),
    );
    expect(lines.filter((l) => l === 'BEGIN:VALARM')).toHaveLength(11);
  });

  it('gives the same file for the same data', () => {
    expect(exportIcs(buildSampleCalendar())).toBe(exportIcs(buildSampleCalendar()));
  });

  it('leaves out exceptions and overrides of events that do not repeat, and overrides of removed occurrences', () => {
    const single = buildCalendarEvent({ exceptions: ['2025-03-10T09:00'], overrides: { '2025-03-10T09:00': { title: 'x' } } });
    expect(eventLines(exportIcs({ meta, events: [single] })).filter((l) => /^(EXDATE|RECURRENCE-ID|RRULE)/.test(l))).toEqual([]);
    const series = buildCalendarEvent({ recurrence: { freq: 'DAILY', interval: 1 }, exceptions: ['2025-03-11T09:00'], overrides: { '2025-03-11T09:00': { title: 'x' } } });
    expect(unfolded(exportIcs({ meta, events: [series] })).filter((l) => l.startsWith('RECURRENCE-ID'))).toEqual([]);
  });

  it('writes a zone the platform does not know as a bare TZID with a floating UNTIL', () => {
    const event = buildCalendarEvent({ timeZone: 'Mars/Olympus_Mons', recurrence: { freq: 'DAILY', interval: 1, until: '2025-03-20T09:00' } });
    const lines = unfolded(exportIcs({ meta, events: [event] }));
    expect(lines).toContain('DTSTART;TZID=Mars/Olympus_Mons:20250310T090000');
    expect(lines).toContain('RRULE:FREQ=DAILY;UNTIL=20250320T090000');
    expect(lines.some((l) => l === 'BEGIN:VTIMEZONE')).toBe(false);
  });

  it('writes no VTIMEZONE for a calendar of all-day events', () => {
    const event = buildCalendarEvent({ allDay: true, start: '2025-03-10', end: '2025-03-11' });
    expect(exportIcs({ meta, events: [event] })).not.toContain('VTIMEZONE');
  });
});

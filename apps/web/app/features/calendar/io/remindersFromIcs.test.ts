import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { remindersFromIcs } from './remindersFromIcs.ts';

const vevent = (...alarms: string[]) =>
  new ICAL.Component(
    ICAL.parse(['BEGIN:VEVENT', 'UID:a', ...alarms.flatMap((body) => ['BEGIN:VALARM', ...body.split('|'), 'END:VALARM']), 'END:VEVENT', ''].join('\r\n')),
  );

describe('remindersFromIcs', () => {
  it('reads triggers before the start as minutes', () => {
    expect(remindersFromIcs(vevent('ACTION:DISPLAY|TRIGGER:-PT15M', 'ACTION:EMAIL|TRIGGER:-P1D', 'ACTION:AUDIO|TRIGGER;RELATED=START:-PT1H30M', 'TRIGGER:PT0S'))).toEqual([
      15, 1440, 90, 0,
    ]);
    expect(remindersFromIcs(vevent('TRIGGER:-P1W', 'TRIGGER:-PT90S'))).toEqual([10080, 2]);
  });

  it('drops repeats, alarms after the start or tied to the end, absolute ones and ACTION:NONE', () => {
    expect(
      remindersFromIcs(
        vevent(
          'TRIGGER:-PT10M',
          'TRIGGER:-PT10M',
          'TRIGGER:PT5M',
          'TRIGGER;RELATED=END:-PT5M',
          'TRIGGER;VALUE=DATE-TIME:20250101T090000Z',
          'ACTION:NONE|TRIGGER;VALUE=DATE-TIME:19760401T005545Z',
          'ACTION:DISPLAY',
        ),
      ),
    ).toEqual([10]);
  });

  it('keeps at most MAX_REMINDERS_PER_EVENT', () => {
    expect(remindersFromIcs(vevent(...Array.from({ length: 30 }, (_, i) => `TRIGGER:-PT${i + 1}M`)))).toHaveLength(10);
  });
});

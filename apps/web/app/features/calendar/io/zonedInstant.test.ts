import { describe, expect, it } from 'vitest';
import { wallClockOf } from './wallClockOf.ts';
import { wallClockText } from './wallClockText.ts';
import { zonedInstant } from './zonedInstant.ts';
import { zonedWallClock } from './zonedWallClock.ts';

const at = (text: string, zone: string) => new Date(zonedInstant(wallClockOf(text), zone)).toISOString();

describe('zonedInstant and zonedWallClock', () => {
  it('convert between wall clocks and instants in both seasons', () => {
    expect(at('2025-01-15T09:00', 'Europe/Paris')).toBe('2025-01-15T08:00:00.000Z');
    expect(at('2025-07-15T09:00', 'Europe/Paris')).toBe('2025-07-15T07:00:00.000Z');
    expect(at('2025-07-15T09:00', 'America/New_York')).toBe('2025-07-15T13:00:00.000Z');
    expect(wallClockText(zonedWallClock(Date.UTC(2025, 6, 15, 13), 'America/New_York'), false)).toBe('2025-07-15T09:00');
    expect(wallClockText(zonedWallClock(Date.UTC(2025, 0, 1, 0, 30), 'Asia/Kolkata'), false)).toBe('2025-01-01T06:00');
  });

  it('takes the first of a repeated time and the offset before a skipped one', () => {
    expect(at('2025-10-26T02:30', 'Europe/Paris')).toBe('2025-10-26T00:30:00.000Z');
    expect(at('2025-03-30T02:30', 'Europe/Paris')).toBe('2025-03-30T01:30:00.000Z');
  });

  it('handles years before 100, which Date.UTC would move to the 1900s', () => {
    expect(at('0050-06-01T12:00', 'UTC')).toBe('0050-06-01T12:00:00.000Z');
    expect(zonedWallClock(Date.parse('0050-06-01T12:00:00Z'), 'UTC').year).toBe(50);
  });
});

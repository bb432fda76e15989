import { describe, expect, it } from 'vitest';
import { wallClockIn } from './wallClockIn.ts';

describe('wallClockIn', () => {
  it('reads an instant as wall-clock time in any zone, daylight saving included', () => {
    expect(wallClockIn(Date.UTC(2026, 0, 15, 8, 0), 'Europe/Paris')).toBe('2026-01-15T09:00');
    expect(wallClockIn(Date.UTC(2026, 6, 15, 7, 0), 'Europe/Paris')).toBe('2026-07-15T09:00');
    expect(wallClockIn(Date.UTC(2026, 11, 3, 23, 30), 'America/New_York')).toBe('2026-12-03T18:30');
    expect(wallClockIn(Date.UTC(2026, 11, 3, 0, 5), 'UTC')).toBe('2026-12-03T00:05');
  });
});

import { describe, expect, it } from 'vitest';
import { zoneTransitions } from './zoneTransitions.ts';

const H = 3_600_000;

describe('zoneTransitions', () => {
  it('finds both changes of a year to the second', () => {
    expect(zoneTransitions('Europe/Paris', Date.UTC(2025, 0, 1), Date.UTC(2026, 0, 1))).toEqual([
      { ms: Date.UTC(2025, 2, 30, 1), before: H, after: 2 * H },
      { ms: Date.UTC(2025, 9, 26, 1), before: 2 * H, after: H },
    ]);
    expect(zoneTransitions('America/New_York', Date.UTC(2025, 0, 1), Date.UTC(2026, 0, 1)).map((t) => new Date(t.ms).toISOString())).toEqual([
      '2025-03-09T07:00:00.000Z',
      '2025-11-02T06:00:00.000Z',
    ]);
  });

  it('finds none in a zone without daylight saving', () => {
    expect(zoneTransitions('Asia/Tokyo', Date.UTC(2000, 0, 1), Date.UTC(2030, 0, 1))).toEqual([]);
  });
});

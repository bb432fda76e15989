import { describe, expect, it } from 'vitest';
import { reminderTrigger } from './reminderTrigger.ts';

describe('reminderTrigger', () => {
  it('writes minutes before the start as the shortest negative duration', () => {
    expect([0, 15, 60, 90, 1440, 1530, 10080].map(reminderTrigger)).toEqual(['PT0S', '-PT15M', '-PT1H', '-PT1H30M', '-P1D', '-P1DT1H30M', '-P7D']);
  });
});

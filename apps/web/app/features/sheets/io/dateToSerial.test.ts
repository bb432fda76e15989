import { describe, expect, it } from 'vitest';
import { dateToSerial } from './dateToSerial.ts';

describe('dateToSerial', () => {
  it('counts days since 1899-12-30, with the time as a fraction', () => {
    expect(dateToSerial(new Date(Date.UTC(1970, 0, 1)))).toBe(25569);
    expect(dateToSerial(new Date(Date.UTC(2023, 2, 15, 18)))).toBe(45000.75);
    expect(dateToSerial(new Date(Date.UTC(1899, 11, 30, 12)))).toBe(0.5);
  });

  it('gives back the decimal that was written, despite millisecond rounding', () => {
    const serial = 45000.1;
    expect(dateToSerial(new Date(Math.round((serial - 25569) * 86_400_000)))).toBe(serial);
  });
});

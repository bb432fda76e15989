import { describe, expect, it } from 'vitest';
import { ianaTimeZone } from './ianaTimeZone.ts';
import { tzidTimeZone } from './tzidTimeZone.ts';
import { WINDOWS_TIME_ZONES } from './windowsTimeZones.ts';

describe('tzidTimeZone', () => {
  it('takes IANA names as they are, fixing only their case', () => {
    expect(tzidTimeZone('Europe/Paris')).toBe('Europe/Paris');
    expect(tzidTimeZone('europe/paris')).toBe('Europe/Paris');
    expect(tzidTimeZone('Asia/Kolkata')).toBe('Asia/Kolkata');
    expect(tzidTimeZone('UTC')).toBe('UTC');
  });

  it('maps Windows names and path-prefixed names', () => {
    expect(tzidTimeZone('W. Europe Standard Time')).toBe('Europe/Berlin');
    expect(tzidTimeZone('Eastern Standard Time')).toBe('America/New_York');
    expect(tzidTimeZone('/mozilla.org/20050126_1/America/Argentina/Buenos_Aires')).toBe('America/Argentina/Buenos_Aires');
  });

  it('knows nothing of offsets, made-up names or Object.prototype keys', () => {
    expect(tzidTimeZone('+01:00')).toBeUndefined();
    expect(tzidTimeZone('Customized Time Zone')).toBeUndefined();
    expect(tzidTimeZone('(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna')).toBeUndefined();
    expect(tzidTimeZone('constructor')).toBeUndefined();
    expect(tzidTimeZone('toString')).toBeUndefined();
  });

  it('maps every Windows name to a zone this platform knows', () => {
    for (const zone of Object.values(WINDOWS_TIME_ZONES)) expect(ianaTimeZone(zone), zone).toBe(zone);
  });
});

import { describe, expect, it } from 'vitest';
import { safeDownloadName } from '@coffre/docs';
import { zipPathSegment } from './zipPathSegment.ts';

describe('zipPathSegment', () => {
  it('never names a path outside its folder', () => {
    const taken = new Set<string>();
    for (const title of ['..', '.', '/etc/passwd', '../../x', 'a\\..\\b', 'C:', 'C:\\Windows', '', '   ', 'CON', 'nul.txt', 'x. ', '\u202Efdp.exe']) {
      const name = zipPathSegment(taken, title);
      expect(name, title).not.toMatch(/[/\\:]/);
      expect(['', '.', '..']).not.toContain(name);
      expect(safeDownloadName(name)).toBe(name);
    }
  });

  it('keeps names apart within a folder, whatever their case', () => {
    const taken = new Set<string>();
    expect(zipPathSegment(taken, 'Report.txt')).toBe('Report.txt');
    expect(zipPathSegment(taken, 'report.TXT')).toBe('report (1).TXT');
    expect(zipPathSegment(taken, 'a:b')).toBe('a_b');
    expect(zipPathSegment(taken, 'a_b')).toBe('a_b (1)');
    expect(zipPathSegment(new Set(), 'Report.txt')).toBe('Report.txt');
  });
});

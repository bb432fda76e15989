import '../testing/failOnConsoleError.ts';
import { describe, expect, it } from 'vitest';
import { createRandom, testSeeds } from '../testing/createRandom.ts';
import { MAX_ENTRY_NAME_LENGTH } from './fitEntryName.ts';
import { safeDownloadName } from './safeDownloadName.ts';

describe('safeDownloadName', () => {
  it('keeps ordinary names and dot-files', () => {
    expect(safeDownloadName('report.pdf')).toBe('report.pdf');
    expect(safeDownloadName('.env')).toBe('.env');
    expect(safeDownloadName('..hidden')).toBe('..hidden');
  });

  it('never yields "." or "..", nor any dots-only name', () => {
    expect(safeDownloadName('.')).toBe('_');
    expect(safeDownloadName('..')).toBe('__');
    expect(safeDownloadName('...')).toBe('___');
    expect(safeDownloadName(' .. ')).toBe('__');
    expect(safeDownloadName('\u202e..')).toBe('__');
  });

  it('cleans like cleanEntryName: separators, controls, bidi', () => {
    expect(safeDownloadName('../../etc/passwd')).toBe('.._.._etc_passwd');
    expect(safeDownloadName('a\u0000b\u202ec')).toBe('abc');
    expect(safeDownloadName('')).toBe('Untitled');
  });

  it('avoids what Windows refuses or rewrites: reserved characters, device names, trailing dots and spaces', () => {
    expect(safeDownloadName('a<b>c:d"e|f?g*h.txt')).toBe('a_b_c_d_e_f_g_h.txt');
    for (const device of ['CON', 'con.txt', 'Nul.tar.gz', 'COM1', 'lpt9.log', 'aux .txt', 'PRN.']) {
      expect(safeDownloadName(device), device).toMatch(/^_/);
    }
    expect(safeDownloadName('CONSOLE.txt')).toBe('CONSOLE.txt');
    expect(safeDownloadName('draft...')).toBe('draft');
    expect(safeDownloadName('. .')).toBe('Untitled');
  });

  it('stays within the length limit after prefixing a device name', () => {
    const name = `con.${'x'.repeat(MAX_ENTRY_NAME_LENGTH - 4)}`;
    const out = safeDownloadName(name);
    expect(out).toHaveLength(MAX_ENTRY_NAME_LENGTH);
    expect(out.startsWith('_con.')).toBe(true);
  });

  for (const seed of testSeeds([31, 32])) {
    it(`can only ever name a file inside the chosen directory (seed ${seed}; replay with COFFRE_SEED=${seed})`, () => {
      const r = createRandom(seed);
      const alphabet = ['.', '.', '.', ' ', '/', '\\', 'a', ':', '*', 'c', 'o', 'n', '\u0000', '\u202e'];
      for (let i = 0; i < 1000; i += 1) {
        const input = Array.from({ length: r.int(12) }, () => r.pick(alphabet)).join('');
        const out = safeDownloadName(input);
        const at = `seed ${seed} input ${JSON.stringify(input)}`;
        expect(out, at).not.toMatch(/^\.+$/);
        expect(out, at).not.toMatch(/[/\\<>:"|?*\u0000-\u001f]/);
        expect(out, at).not.toMatch(/[. ]$/);
        expect(out, at).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)([. ]|$)/i);
        expect(out.length, at).toBeGreaterThan(0);
        expect(out.length, at).toBeLessThanOrEqual(MAX_ENTRY_NAME_LENGTH);
      }
    });
  }
});

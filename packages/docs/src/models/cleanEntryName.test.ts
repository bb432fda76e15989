import '../testing/failOnConsoleError.ts';
import { describe, expect, it } from 'vitest';
import { createRandom, testSeeds } from '../testing/createRandom.ts';
import { FALLBACK_ENTRY_NAME, cleanEntryName } from './cleanEntryName.ts';
import { MAX_ENTRY_NAME_LENGTH } from './fitEntryName.ts';

const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069/\\]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

describe('cleanEntryName', () => {
  it('keeps an ordinary name, HTML included (the UI escapes it)', () => {
    expect(cleanEntryName('Q3 report (final).pdf')).toBe('Q3 report (final).pdf');
    expect(cleanEntryName('<img src=x onerror=alert(1)>.html')).toBe('<img src=x onerror=alert(1)>.html');
    expect(cleanEntryName('日本語のファイル.txt')).toBe('日本語のファイル.txt');
  });

  it('normalizes to NFC', () => {
    expect(cleanEntryName('Cafe\u0301.txt')).toBe('Caf\u00e9.txt');
  });

  it('strips C0 and C1 controls, turning tabs and line breaks into spaces', () => {
    expect(cleanEntryName('a\u0000b\u0007c\u001bd\u007fe\u0085f\u009fg')).toBe('abcdefg');
    expect(cleanEntryName('line one\nline two\ttabbed\r\n')).toBe('line one line two tabbed');
  });

  it('strips bidi overrides and isolates, so an extension cannot be disguised', () => {
    expect(cleanEntryName('invoice\u202efdp.exe')).toBe('invoicefdp.exe');
    expect(cleanEntryName('\u202a\u202b\u202c\u202d\u202ex\u2066\u2067\u2068\u2069')).toBe('x');
  });

  it('replaces path separators', () => {
    expect(cleanEntryName('../../etc/passwd')).toBe('.._.._etc_passwd');
    expect(cleanEntryName('a\\b/c')).toBe('a_b_c');
  });

  it('trims, and never returns an empty name', () => {
    expect(cleanEntryName('  padded  ')).toBe('padded');
    for (const empty of ['', '   ', '\u0000\u0001', '\u202e', '\t\n']) expect(cleanEntryName(empty), JSON.stringify(empty)).toBe(FALLBACK_ENTRY_NAME);
  });

  it('replaces lone surrogates, which would not survive encoding', () => {
    expect(cleanEntryName('a\ud800b\udc00c')).toBe('a\ufffdb\ufffdc');
    expect(cleanEntryName('emoji 😀')).toBe('emoji 😀');
  });

  it('caps the length, keeping the extension and whole surrogate pairs', () => {
    const capped = cleanEntryName(`${'x'.repeat(300)}.pdf`);
    expect(capped).toBe(`${'x'.repeat(MAX_ENTRY_NAME_LENGTH - 4)}.pdf`);
    // 251 units of stem room: a surrogate pair would straddle the cut.
    const emoji = cleanEntryName(`${'😀'.repeat(200)}.pdf`);
    expect(emoji).toBe(`${'😀'.repeat(125)}.pdf`);
    const noExtension = cleanEntryName('y'.repeat(400));
    expect(noExtension).toBe('y'.repeat(MAX_ENTRY_NAME_LENGTH));
    expect(cleanEntryName('z'.repeat(MAX_ENTRY_NAME_LENGTH))).toHaveLength(MAX_ENTRY_NAME_LENGTH);
  });

  for (const seed of testSeeds([21, 22])) {
    it(`always returns a short, clean, non-empty, stable name (seed ${seed}; replay with COFFRE_SEED=${seed})`, () => {
      const r = createRandom(seed);
      const alphabet = ['a', 'Z', ' ', '.', '/', '\\', '\u0000', '\n', '\u0085', '\u202e', '\u2068', 'e\u0301', '😀', '\ud800', '\udc00', '<', 'ü', '\u00a0'];
      for (let i = 0; i < 500; i += 1) {
        const input = Array.from({ length: r.int(320) }, () => r.pick(alphabet)).join('');
        const out = cleanEntryName(input);
        const at = `seed ${seed} input ${JSON.stringify(input)}`;
        expect(out.length, at).toBeGreaterThan(0);
        expect(out.length, at).toBeLessThanOrEqual(MAX_ENTRY_NAME_LENGTH);
        expect(FORBIDDEN.test(out), at).toBe(false);
        expect(LONE_SURROGATE.test(out), at).toBe(false);
        expect(out, at).toBe(out.normalize('NFC'));
        expect(out, at).toBe(out.trim());
        expect(cleanEntryName(out), at).toBe(out);
      }
    });
  }
});

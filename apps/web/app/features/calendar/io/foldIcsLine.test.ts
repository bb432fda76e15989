import { describe, expect, it } from 'vitest';
import { foldIcsLine } from './foldIcsLine.ts';

const octets = (line: string) => new TextEncoder().encode(line).length;

describe('foldIcsLine', () => {
  it('leaves lines of up to 75 octets alone', () => {
    const line = `DESCRIPTION:${'x'.repeat(63)}`;
    expect(foldIcsLine(line)).toBe(line);
  });

  it('folds into lines of at most 75 octets that unfold to the original', () => {
    const line = `DESCRIPTION:${'abcdefghij'.repeat(30)}`;
    const folded = foldIcsLine(line);
    const lines = folded.split('\r\n');
    expect(lines.length).toBe(5);
    expect(lines.every((l) => octets(l) <= 75)).toBe(true);
    expect(lines.slice(1).every((l) => l.startsWith(' '))).toBe(true);
    expect(octets(lines[0]!)).toBe(75);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
  });

  it('never splits a multi-byte character', () => {
    const line = `SUMMARY:${'é€🎉'.repeat(40)}`;
    const folded = foldIcsLine(line);
    const decoder = new TextDecoder('utf-8', { fatal: true });
    for (const l of folded.split('\r\n')) {
      expect(octets(l)).toBeLessThanOrEqual(75);
      expect(() => decoder.decode(new TextEncoder().encode(l))).not.toThrow();
      expect(l).not.toMatch(/[\uD800-\uDBFF]$|^ ?[\uDC00-\uDFFF]/);
    }
    expect(folded.replace(/\r\n /g, '')).toBe(line);
  });

  it('never splits an escape', () => {
    const line = `DESCRIPTION:${'a\\n'.repeat(60)}`;
    for (const l of foldIcsLine(line).split('\r\n')) expect(l).not.toMatch(/(^|[^\\])(\\\\)*\\$/);
    expect(foldIcsLine(line).replace(/\r\n /g, '')).toBe(line);
  });
});

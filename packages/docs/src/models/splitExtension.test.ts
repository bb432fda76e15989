import '../testing/failOnConsoleError.ts';
import { describe, expect, it } from 'vitest';
import { fitEntryName } from './fitEntryName.ts';
import { splitExtension } from './splitExtension.ts';

describe('splitExtension', () => {
  it.each([
    ['report.pdf', 'report', '.pdf'],
    ['a.tar.gz', 'a.tar', '.gz'],
    ['.env', '.env', ''],
    ['Notes', 'Notes', ''],
    ['draft.', 'draft.', ''],
    ['Mr. Smith', 'Mr. Smith', ''],
    ['x.abcdefghijklmnopq', 'x.abcdefghijklmnopq', ''],
  ])('%j → %j + %j', (name, stem, ext) => {
    expect(splitExtension(name)).toEqual({ stem, ext });
  });
});

describe('fitEntryName', () => {
  it('shortens only the stem, never splits a surrogate pair, drops trailing spaces', () => {
    expect(fitEntryName('abc', '.pdf', 10)).toBe('abc.pdf');
    expect(fitEntryName('abcdefgh', '.pdf', 10)).toBe('abcdef.pdf');
    expect(fitEntryName('a😀b', '.x', 4)).toBe('a.x');
    expect(fitEntryName('ab  cd', '.x', 6)).toBe('ab.x');
  });
});

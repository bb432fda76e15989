import '../testing/failOnConsoleError.ts';
import { describe, expect, it } from 'vitest';
import { MAX_ENTRY_NAME_LENGTH } from './fitEntryName.ts';
import { uniqueName } from './uniqueName.ts';

describe('uniqueName', () => {
  it('keeps a free name', () => {
    expect(uniqueName(['a.pdf'], 'report.pdf')).toBe('report.pdf');
    expect(uniqueName([], 'report.pdf')).toBe('report.pdf');
  });

  it('numbers before the extension, taking the first free number', () => {
    expect(uniqueName(['report.pdf'], 'report.pdf')).toBe('report (1).pdf');
    expect(uniqueName(['report.pdf', 'report (1).pdf'], 'report.pdf')).toBe('report (2).pdf');
    expect(uniqueName(['report.pdf', 'report (2).pdf'], 'report.pdf')).toBe('report (1).pdf');
  });

  it('handles names without an extension, dot-files and trailing dots', () => {
    expect(uniqueName(['Notes'], 'Notes')).toBe('Notes (1)');
    expect(uniqueName(['.env', '.env (1)'], '.env')).toBe('.env (2)');
    expect(uniqueName(['draft.'], 'draft.')).toBe('draft. (1)');
    expect(uniqueName(['a.tar.gz'], 'a.tar.gz')).toBe('a.tar (1).gz');
  });

  it('continues an existing count instead of nesting one', () => {
    expect(uniqueName(['report.pdf', 'report (1).pdf'], 'report (1).pdf')).toBe('report (2).pdf');
    expect(uniqueName(['(1)'], '(1)')).toBe('(1) (1)');
  });

  it('treats names differing only in case or normalization as taken', () => {
    expect(uniqueName(['REPORT.PDF'], 'report.pdf')).toBe('report (1).pdf');
    expect(uniqueName(['Cafe\u0301.txt'], 'Café.txt')).toBe('Café (1).txt');
  });

  it('accepts any iterable', () => {
    expect(uniqueName(new Set(['x']), 'x')).toBe('x (1)');
    expect(
      uniqueName(
        (function* () {
          yield 'y';
          yield 'y (1)';
        })(),
        'y',
      ),
    ).toBe('y (2)');
  });

  it('stays within the length limit by shortening the stem, keeping the extension', () => {
    const long = `${'a'.repeat(MAX_ENTRY_NAME_LENGTH - 4)}.pdf`;
    const result = uniqueName([long], long);
    expect(result).toHaveLength(MAX_ENTRY_NAME_LENGTH);
    expect(result.endsWith('a (1).pdf')).toBe(true);
  });
});

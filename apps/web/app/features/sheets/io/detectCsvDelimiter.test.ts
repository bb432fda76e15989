import { describe, expect, it } from 'vitest';
import { detectCsvDelimiter } from './detectCsvDelimiter.ts';

describe('detectCsvDelimiter', () => {
  it('picks the delimiter that splits every record the same way', () => {
    expect(detectCsvDelimiter('name,age\nada,36\n')).toBe(',');
    expect(detectCsvDelimiter('name;price\nbread;1,50\nwine;12,00\n')).toBe(';');
    expect(detectCsvDelimiter('name\tnote\nada\tsays, hi\n')).toBe('\t');
  });

  it('ignores delimiters inside quotes, including quoted line breaks', () => {
    expect(detectCsvDelimiter('a;b\n"x,y,z";"1\n,2,3"\n')).toBe(';');
  });

  it('falls back to comma for one column or no text', () => {
    expect(detectCsvDelimiter('just\none\ncolumn')).toBe(',');
    expect(detectCsvDelimiter('')).toBe(',');
  });

  it('prefers the most fields among consistent delimiters', () => {
    expect(detectCsvDelimiter('a;b,c,d\ne;f,g,h')).toBe(',');
  });

  it('samples only the first records', () => {
    const text = 'a;b\n'.repeat(10) + 'x,y,z,w\n'.repeat(100);
    expect(detectCsvDelimiter(text)).toBe(';');
  });
});

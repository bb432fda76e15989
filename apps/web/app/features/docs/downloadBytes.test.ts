import { describe, expect, it } from 'vitest';
import { safeFileName } from './downloadBytes.ts';

describe('safeFileName', () => {
  it('neutralises separators, traversal, control and bidi characters, and reserved names', () => {
    expect(safeFileName('../../etc/passwd')).toBe('etc passwd');
    expect(safeFileName('a\u0000b\u202ecod.exe')).toBe('a b cod.exe');
    expect(safeFileName('CON')).toBe('document');
    expect(safeFileName('   ')).toBe('document');
    expect(safeFileName('Quarterly plan: Q3/Q4')).toBe('Quarterly plan Q3 Q4');
    expect(safeFileName('x'.repeat(300))).toHaveLength(120);
  });
});

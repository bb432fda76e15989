import { describe, expect, it } from 'vitest';
import { renameSheetReferences } from './renameSheetReferences.ts';

const renames = new Map([
  ['Old name', 'New name'],
  ['Old', 'Fresh'],
  ['a:b', 'a_b'],
  ["It's", 'Its'],
  ['x', 'y z'],
]);
const rename = (formula: string) => renameSheetReferences(formula, (name) => renames.get(name));

describe('renameSheetReferences', () => {
  it('renames quoted and bare sheet prefixes, quoting the new name when needed', () => {
    expect(rename("SUM('Old name'!A1:B2)*Old!C3")).toBe("SUM('New name'!A1:B2)*Fresh!C3");
    expect(rename("'a:b'!A1+'It''s'!B2")).toBe('a_b!A1+Its!B2');
    expect(rename('x!A1')).toBe("'y z'!A1");
  });

  it('leaves other sheets, string literals and longer names alone', () => {
    expect(rename('Older!A1+Data!B2')).toBe('Older!A1+Data!B2');
    expect(rename('"Old!A1"&Old!A1')).toBe('"Old!A1"&Fresh!A1');
    expect(rename("\"it's 'Old name'!\"")).toBe("\"it's 'Old name'!\"");
    expect(rename('My.Old!A1')).toBe('My.Old!A1');
    expect(rename('A1*2')).toBe('A1*2');
  });
});

import { describe, expect, it } from 'vitest';
import { engineFormula } from './engineFormula.ts';

describe('engineFormula', () => {
  it('turns bare booleans into the functions HyperFormula knows, nowhere else', () => {
    expect(engineFormula('=VLOOKUP("pear",A1:B3,2,FALSE)')).toBe('=VLOOKUP("pear",A1:B3,2,FALSE())');
    expect(engineFormula('=IF(true,1,0)')).toBe('=IF(TRUE(),1,0)');
    expect(engineFormula('=FALSE()')).toBe('=FALSE()');
    expect(engineFormula('="TRUE or FALSE"&A1')).toBe('="TRUE or FALSE"&A1');
    expect(engineFormula("='TRUE'!A1+ISTRUE")).toBe("='TRUE'!A1+ISTRUE");
    expect(engineFormula('=TRUE!A1')).toBe('=TRUE!A1');
  });
});

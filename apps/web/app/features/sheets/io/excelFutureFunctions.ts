/**
 * Functions Excel added after 2007: in the file they must be written
 * `_xlfn.NAME`, or Excel shows `#NAME?` until the cell is edited. (Import
 * strips the prefix again: see readXlsxCellInput.)
 */
const FUTURE = new Set([
  'XLOOKUP', 'XMATCH', 'IFS', 'SWITCH', 'MAXIFS', 'MINIFS', 'CONCAT', 'TEXTJOIN', 'IFNA', 'DAYS', 'ISOWEEKNUM', 'FORMULATEXT',
  'SHEET', 'SHEETS', 'XOR', 'CEILING.MATH', 'FLOOR.MATH', 'STDEV.S', 'STDEV.P', 'VAR.S', 'VAR.P', 'MODE.SNGL', 'PERCENTILE.INC',
  'PERCENTILE.EXC', 'QUARTILE.INC', 'QUARTILE.EXC', 'RANK.EQ', 'RANK.AVG', 'NORM.DIST', 'NORM.INV', 'NORM.S.DIST', 'NORM.S.INV',
  'T.DIST', 'T.INV', 'CHISQ.DIST', 'CHISQ.INV', 'BINOM.DIST', 'EXPON.DIST', 'GAMMA', 'GAMMA.DIST', 'BITAND', 'BITOR', 'BITXOR',
  'BITLSHIFT', 'BITRSHIFT', 'COT', 'COTH', 'CSC', 'CSCH', 'SEC', 'SECH', 'ACOT', 'ACOTH', 'ARABIC', 'BASE', 'DECIMAL', 'UNICHAR',
  'UNICODE', 'NUMBERVALUE', 'PDURATION', 'RRI', 'COMBINA', 'PERMUTATIONA', 'IMCOSH', 'IMSINH', 'IMTAN', 'ERF.PRECISE', 'ERFC.PRECISE',
  'FILTER', 'SORT', 'SORTBY', 'UNIQUE', 'SEQUENCE', 'RANDARRAY', 'LET', 'LAMBDA',
]);

/** A formula (without '=') with `_xlfn.` before every function Excel 2007 did not have; strings and quoted names untouched. */
export function excelFutureFunctions(formula: string): string {
  return formula.replace(/"(?:[^"]|"")*"|'(?:[^']|'')*'|(?<![\p{L}\p{N}_.])([A-Za-z][A-Za-z0-9.]*)(?=\()/gu, (match, name?: string) =>
    name !== undefined && FUTURE.has(name.toUpperCase()) ? `_xlfn.${match}` : match,
  );
}

/**
 * Formulas are stored with their references bound to row, column and sheet
 * ids, not positions: `=A1*2` on a sheet is kept as `=⟦c||r7|c2|..⟧*2`. A row
 * someone inserts above, concurrently or not, then never points a formula at
 * the wrong cell: positions are worked out again each time it is read.
 *
 * Placeholders (the brackets never occur in a formula outside a string):
 *   ⟦c|sheet|row|col|ab⟧              one cell
 *   ⟦a|sheet|row|col|row2|col2|abcd⟧  a cell range
 *   ⟦C|sheet|col|col2|ab⟧             whole columns (A:C)
 *   ⟦R|sheet|row|row2|ab⟧             whole rows (1:3)
 * `sheet` is empty for the formula's own sheet; the flags say, per
 * coordinate, whether it was absolute (`$`) or not (`.`).
 */

const OPEN = '⟦';
const CLOSE = '⟧';

/** Where a sheet's rows and columns are now, for reading a stored formula back as A1 text. */
export type RefLocator = {
  /** Display name of a sheet, or null if it no longer exists. '' is the formula's own sheet. */
  sheetName(sheetId: string): string | null;
  /** 0-based position of a row / column, or null if it was deleted. */
  rowIndex(sheetId: string, rowId: string): number | null;
  colIndex(sheetId: string, colId: string): number | null;
  /** For ranges whose corner was deleted: the nearest surviving row/col between `from` and `to`, searching from `from`. */
  nearestRow(sheetId: string, fromId: string, toId: string): number | null;
  nearestCol(sheetId: string, fromId: string, toId: string): number | null;
};

/** Ids for the positions an A1 formula names, when it is stored. */
export type RefResolver = {
  /** The id of the sheet with this name, or null if there is none. */
  sheetId(name: string): string | null;
  /** The id of the row/column at a 0-based position on a sheet ('' = own sheet); null past the end. */
  rowId(sheetId: string, index: number): string | null;
  colId(sheetId: string, index: number): string | null;
};

// A sheet prefix: 'quoted ''name''' or a bare name; then the reference proper.
const SHEET = String.raw`(?:'((?:[^']|'')+)'|([\p{L}_][\p{L}\p{N}_.]*))!`;
const CELL = String.raw`(\$?)([A-Za-z]{1,3})(\$?)([0-9]{1,7})`;
const REF = new RegExp(
  String.raw`(?<![\p{L}\p{N}_.$'!])(?:${SHEET})?(?:` +
    String.raw`${CELL}(?::${CELL})?(?![\p{L}\p{N}_(!])` +
    String.raw`|(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})(?![\p{L}\p{N}_(])` +
    String.raw`|(\$?)([0-9]{1,7}):(\$?)([0-9]{1,7})(?![\p{L}\p{N}_(.])` +
    ')',
  'gu',
);
const PLACEHOLDER = /⟦([^⟧]*)⟧/g;

export function isFormula(input: unknown): input is string {
  return typeof input === 'string' && input.startsWith('=') && input.length > 1;
}

/** A1 column letters to a 0-based index: A → 0, Z → 25, AA → 26. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** A 0-based column index to letters. */
export function columnLetters(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * Splits a formula into code and string-literal parts, so references are only
 * looked for in code. A quoted sheet name (`'Say "hi"'!A1`, `''` escaping a
 * quote) is code: a `"` inside it opens no string.
 */
function mapCode(formula: string, f: (code: string) => string): string {
  let out = '';
  let code = '';
  let i = 0;
  const skipQuoted = (q: string) => {
    let j = i + 1;
    while (j < formula.length) {
      if (formula[j] === q) {
        if (formula[j + 1] === q) j += 2;
        else return j + 1;
      } else j++;
    }
    return formula.length;
  };
  while (i < formula.length) {
    const ch = formula[i]!;
    if (ch === "'") {
      const end = skipQuoted("'");
      code += formula.slice(i, end);
      i = end;
    } else if (ch === '"') {
      const end = skipQuoted('"');
      out += f(code) + formula.slice(i, end);
      code = '';
      i = end;
    } else {
      code += ch;
      i++;
    }
  }
  return out + f(code);
}

const flag = (dollar: string | undefined) => (dollar ? '$' : '.');
const dollar = (f: string | undefined) => (f === '$' ? '$' : '');

/**
 * An A1 formula (`=SUM(A1:A3)+'Q1'!B2`) as stored text. A reference past the
 * sheet's last row or column, or to an unknown sheet, is kept as typed (it
 * then evaluates as an error, as it would in any spreadsheet).
 */
export function toStoredFormula(formula: string, resolve: RefResolver): string {
  if (!isFormula(formula)) return formula;
  return mapCode(formula, (code) =>
    code.replace(REF, (whole, quoted?: string, bare?: string, ...g: (string | undefined)[]) => {
      const name = quoted !== undefined ? quoted.replace(/''/g, "'") : bare;
      const sheet = name === undefined ? '' : resolve.sheetId(name);
      if (sheet === null) return whole;
      const [a1, c1, a2, r1, b1, c2, b2, r2, cc1, cl1, cc2, cl2, rr1, rn1, rr2, rn2] = g;
      if (c1 !== undefined) {
        const row = resolve.rowId(sheet, Number(r1) - 1);
        const col = resolve.colId(sheet, columnIndex(c1));
        if (row === null || col === null) return whole;
        if (c2 === undefined) return `${OPEN}c|${sheet}|${row}|${col}|${flag(a2)}${flag(a1)}${CLOSE}`;
        const row2 = resolve.rowId(sheet, Number(r2) - 1);
        const col2 = resolve.colId(sheet, columnIndex(c2));
        if (row2 === null || col2 === null) return whole;
        return `${OPEN}a|${sheet}|${row}|${col}|${row2}|${col2}|${flag(a2)}${flag(a1)}${flag(b2)}${flag(b1)}${CLOSE}`;
      }
      if (cl1 !== undefined && cl2 !== undefined) {
        const col = resolve.colId(sheet, columnIndex(cl1));
        const col2 = resolve.colId(sheet, columnIndex(cl2));
        if (col === null || col2 === null) return whole;
        return `${OPEN}C|${sheet}|${col}|${col2}|${flag(cc1)}${flag(cc2)}${CLOSE}`;
      }
      const row = resolve.rowId(sheet, Number(rn1) - 1);
      const row2 = resolve.rowId(sheet, Number(rn2) - 1);
      if (row === null || row2 === null) return whole;
      return `${OPEN}R|${sheet}|${row}|${row2}|${flag(rr1)}${flag(rr2)}${CLOSE}`;
    }),
  );
}

/** A sheet name as a formula prefix, quoted unless it is a plain word that cannot be read as a reference. */
export function sheetPrefix(name: string): string {
  const plain = /^[\p{L}_][\p{L}\p{N}_]*$/u.test(name) && !/^[A-Za-z]{1,3}[0-9]+$/.test(name) && !/^(TRUE|FALSE|R|C)$/i.test(name);
  return plain ? `${name}!` : `'${name.replace(/'/g, "''")}'!`;
}

/**
 * Stored text back to an A1 formula at today's positions. A reference to a
 * deleted row, column or sheet becomes `#REF!`; a range that lost a corner
 * shrinks to what is left of it, as in other spreadsheets.
 */
export function toA1Formula(stored: string, locate: RefLocator): string {
  if (!stored.includes(OPEN)) return stored;
  return mapCode(stored, (code) => code.replace(PLACEHOLDER, (_whole, body: string) => {
    const [kind, sheet = '', ...rest] = body.split('|');
    const prefix = sheet === '' ? '' : locate.sheetName(sheet);
    if (prefix === null) return '#REF!';
    const pre = sheet === '' ? '' : sheetPrefix(prefix);
    const f = rest[rest.length - 1] ?? '';
    if (kind === 'c') {
      const [row = '', col = ''] = rest;
      const r = locate.rowIndex(sheet, row);
      const c = locate.colIndex(sheet, col);
      if (r === null || c === null) return '#REF!';
      return `${pre}${dollar(f[1])}${columnLetters(c)}${dollar(f[0])}${r + 1}`;
    }
    if (kind === 'a') {
      const [row = '', col = '', row2 = '', col2 = ''] = rest;
      const r = locate.rowIndex(sheet, row) ?? locate.nearestRow(sheet, row, row2);
      const r2 = locate.rowIndex(sheet, row2) ?? locate.nearestRow(sheet, row2, row);
      const c = locate.colIndex(sheet, col) ?? locate.nearestCol(sheet, col, col2);
      const c2 = locate.colIndex(sheet, col2) ?? locate.nearestCol(sheet, col2, col);
      if (r === null || r2 === null || c === null || c2 === null) return '#REF!';
      return `${pre}${dollar(f[1])}${columnLetters(c)}${dollar(f[0])}${r + 1}:${dollar(f[3])}${columnLetters(c2)}${dollar(f[2])}${r2 + 1}`;
    }
    if (kind === 'C') {
      const [col = '', col2 = ''] = rest;
      const c = locate.colIndex(sheet, col) ?? locate.nearestCol(sheet, col, col2);
      const c2 = locate.colIndex(sheet, col2) ?? locate.nearestCol(sheet, col2, col);
      if (c === null || c2 === null) return '#REF!';
      return `${pre}${dollar(f[0])}${columnLetters(c)}:${dollar(f[1])}${columnLetters(c2)}`;
    }
    if (kind === 'R') {
      const [row = '', row2 = ''] = rest;
      const r = locate.rowIndex(sheet, row) ?? locate.nearestRow(sheet, row, row2);
      const r2 = locate.rowIndex(sheet, row2) ?? locate.nearestRow(sheet, row2, row);
      if (r === null || r2 === null) return '#REF!';
      return `${pre}${dollar(f[0])}${r + 1}:${dollar(f[1])}${r2 + 1}`;
    }
    return '#REF!';
  }));
}

/**
 * An A1 formula copied `dr` rows down and `dc` columns right (a fill or a
 * paste): relative coordinates move, `$` ones stay; one pushed off the sheet's
 * top or left edge becomes `#REF!`.
 */
export function shiftFormula(formula: string, dr: number, dc: number): string {
  if (!isFormula(formula) || (dr === 0 && dc === 0)) return formula;
  const col = (abs: string | undefined, letters: string) => {
    const i = abs ? columnIndex(letters) : columnIndex(letters) + dc;
    return i < 0 ? null : `${abs ?? ''}${columnLetters(i)}`;
  };
  const row = (abs: string | undefined, digits: string) => {
    const i = abs ? Number(digits) : Number(digits) + dr;
    return i < 1 ? null : `${abs ?? ''}${i}`;
  };
  return mapCode(formula, (code) =>
    code.replace(REF, (whole, quoted?: string, bare?: string, ...g: (string | undefined)[]) => {
      const prefix = quoted !== undefined || bare !== undefined ? whole.slice(0, whole.indexOf('!') + 1) : '';
      const [a1, c1, a2, r1, b1, c2, b2, r2, cc1, cl1, cc2, cl2, rr1, rn1, rr2, rn2] = g;
      const parts: (string | null)[] = [];
      if (c1 !== undefined) {
        parts.push(cell(col(a1 || undefined, c1), row(a2 || undefined, r1!)));
        if (c2 !== undefined) parts.push(cell(col(b1 || undefined, c2), row(b2 || undefined, r2!)));
      } else if (cl1 !== undefined) parts.push(col(cc1 || undefined, cl1), col(cc2 || undefined, cl2!));
      else parts.push(row(rr1 || undefined, rn1!), row(rr2 || undefined, rn2!));
      return parts.some((p) => p === null) ? '#REF!' : prefix + parts.join(':');
    }),
  );
}

function cell(col: string | null, row: string | null): string | null {
  return col === null || row === null ? null : col + row;
}

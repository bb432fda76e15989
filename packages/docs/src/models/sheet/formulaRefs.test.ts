import '../../testing/failOnConsoleError.ts';
import { describe, expect, it } from 'vitest';
import { buildWorkbook } from '../../testing/buildWorkbook.ts';
import { columnIndex, columnLetters, sheetPrefix, toA1Formula, toStoredFormula } from './formulaRefs.ts';

/** A 6 × 4 'Sheet 1' with a formula typed into its last cell, so refs into A1:C5 never point at the formula. */
function typed(formula: string, more: { sheets?: string[] } = {}) {
  const built = buildWorkbook({ rows: 6, cols: 4 });
  const others = (more.sheets ?? []).map((name) => built.wb.addSheet({ name, rows: 6, cols: 4 }));
  built.sheet.setInput(5, 3, formula);
  const read = () => built.sheet.getInput(5, 3);
  const stored = () => built.sheet.cells().get(`${built.sheet.rows().visible[5]}:${built.sheet.cols().visible[3]}`);
  return { ...built, others, read, stored };
}

describe('formula references round-trip through their stored form', () => {
  it.each([
    ['=A1+B2*2', '=@+@*2'],
    ['=$A$1+A$1+$A1', '=@+@+@'],
    ['=SUM(A1:C3)', '=SUM(@)'],
    ['=SUM($A$1:B$2)', '=SUM(@)'],
    ['=SUM(A:C)+COUNT($B:$B)', '=SUM(@)+COUNT(@)'],
    ['=SUM(2:5)+SUM($1:$3)', '=SUM(@)+SUM(@)'],
  ])('%s is bound to ids and reads back as typed', (formula, shape) => {
    const { read, stored } = typed(formula);
    expect(read()).toBe(formula);
    expect(String(stored()).replace(/⟦[^⟧]*⟧/g, '@')).toBe(shape);
  });

  it('upper-cases lower-case references', () => {
    expect(typed('=a1+sum(b1:c2)+$c$3').read()).toBe('=A1+sum(B1:C2)+$C$3');
  });

  it('binds references to another sheet, bare or quoted', () => {
    const { read, stored } = typed("=Data!A1+'Q1 sales'!B2+'Bob''s'!C3", { sheets: ['Data', 'Q1 sales', "Bob's"] });
    expect(read()).toBe("=Data!A1+'Q1 sales'!B2+'Bob''s'!C3");
    expect(stored()).not.toContain('Data');
  });

  it('matches sheet names without case and reads them back with their real name', () => {
    expect(typed('=data!A1', { sheets: ['Data'] }).read()).toBe('=Data!A1');
  });

  it('drops the prefix of a reference to its own sheet', () => {
    expect(typed("='Sheet 1'!B2").read()).toBe('=B2');
  });

  it('leaves unknown sheets and references past the end as typed', () => {
    const { read, stored } = typed('=Nope!A1+A7+E1+SUM(A1:A99)+ZZ:ZZ+7:9');
    expect(read()).toBe('=Nope!A1+A7+E1+SUM(A1:A99)+ZZ:ZZ+7:9');
    expect(stored()).toBe('=Nope!A1+A7+E1+SUM(A1:A99)+ZZ:ZZ+7:9');
  });

  it('leaves string literals and function names alone', () => {
    const formula = '=IF(A1="A1","say ""B2""",LOG10(B1)+ATAN2(A2,B2)+DEC2BIN(C1))';
    const { sheet, stored } = typed(formula);
    expect(stored()).toContain('"A1","say ""B2"""');
    expect(stored()).toContain('LOG10(');
    expect(stored()).toContain('ATAN2(');
    sheet.insertRows(0, 1);
    sheet.insertCols(0, 1);
    expect(sheet.getInput(6, 4)).toBe('=IF(B2="A1","say ""B2""",LOG10(C2)+ATAN2(B3,C3)+DEC2BIN(D2))');
  });

  it('leaves numbers in scientific notation and decimals alone', () => {
    expect(typed('=1E5+2.5E10+A1*1.5').stored()).toMatch(/^=1E5\+2\.5E10\+⟦.*⟧\*1\.5$/);
  });
});

describe('references follow their cells', () => {
  it('a row or column inserted above or left shifts the rendered reference', () => {
    const { sheet } = typed('=A1+$B$2+SUM(A1:B3)');
    sheet.insertRows(0, 1);
    expect(sheet.getInput(6, 3)).toBe('=A2+$B$3+SUM(A2:B4)');
    sheet.insertCols(1, 2);
    expect(sheet.getInput(6, 5)).toBe('=A2+$D$3+SUM(A2:D4)');
  });

  it('a moved row carries the references to it', () => {
    const { sheet } = typed('=A1+A2');
    sheet.moveRows([0], 2);
    expect(sheet.getInput(5, 3)).toBe('=A3+A1');
  });

  it('deleting a referenced row or column gives #REF!', () => {
    const { sheet } = typed('=A1+B2+C3');
    sheet.deleteRows(1, 1);
    expect(sheet.getInput(4, 3)).toBe('=A1+#REF!+C2');
    sheet.deleteCols(0, 1);
    expect(sheet.getInput(4, 2)).toBe('=#REF!+#REF!+B2');
  });

  it('deleting the first or last row of a range shrinks it; deleting all of it gives #REF!', () => {
    const { sheet } = typed('=SUM(A1:A3)+SUM(B2:C4)+SUM(2:3)');
    sheet.deleteRows(2, 1);
    expect(sheet.getInput(4, 3)).toBe('=SUM(A1:A2)+SUM(B2:C3)+SUM(2:2)');
    sheet.deleteRows(0, 1);
    expect(sheet.getInput(3, 3)).toBe('=SUM(A1:A1)+SUM(B1:C2)+SUM(1:1)');
    sheet.deleteRows(0, 1);
    expect(sheet.getInput(2, 3)).toBe('=SUM(#REF!)+SUM(B1:C1)+SUM(#REF!)');
  });

  it('deleting the last column of a whole-column range shrinks it', () => {
    const { sheet } = typed('=SUM(A:C)');
    sheet.deleteCols(2, 1);
    expect(sheet.getInput(5, 2)).toBe('=SUM(A:B)');
  });
});

describe('references to other sheets', () => {
  it('renaming a referenced sheet renames it in the formula', () => {
    const { wb, others, read } = typed('=Data!A1*2', { sheets: ['Data'] });
    wb.renameSheet(others[0]!, 'Q1 2024');
    expect(read()).toBe("='Q1 2024'!A1*2");
    wb.renameSheet(others[0]!, "Bob's");
    expect(read()).toBe("='Bob''s'!A1*2");
  });

  it('rows inserted on the referenced sheet shift the reference', () => {
    const { wb, others, read } = typed('=Data!B2', { sheets: ['Data'] });
    wb.requireSheet(others[0]!).insertRows(0, 3);
    expect(read()).toBe('=Data!B5');
  });

  it('deleting a referenced sheet gives #REF!', () => {
    const { wb, others, read } = typed('=Data!A1+SUM(Data!A1:B2)+B1', { sheets: ['Data'] });
    wb.deleteSheet(others[0]!);
    expect(read()).toBe('=#REF!+SUM(#REF!)+B1');
  });

  it('quotes a sheet named like a cell reference, a boolean or a number', () => {
    const { wb, others, read } = typed('=Data!A1', { sheets: ['Data'] });
    for (const name of ['A1', 'xfd1', 'TRUE', 'R', '2024', 'a.b']) {
      wb.renameSheet(others[0]!, name);
      expect(read()).toBe(`=${sheetPrefix(name)}A1`);
      expect(sheetPrefix(name)).toBe(`'${name}'!`);
    }
    expect(sheetPrefix('Données')).toBe('Données!');
  });

  it("a typed reference to a sheet named 'A1' binds to that sheet", () => {
    const { others, read, stored } = typed("='A1'!B2+A1", { sheets: ['A1'] });
    expect(read()).toBe("='A1'!B2+A1");
    expect(stored()).toContain(others[0]!);
  });
});

describe('column letters', () => {
  it('convert both ways', () => {
    for (const [letters, index] of [['A', 0], ['Z', 25], ['AA', 26], ['AZ', 51], ['ALL', 999]] as const) {
      expect(columnIndex(letters)).toBe(index);
      expect(columnLetters(index)).toBe(letters);
    }
  });
});

describe('text that merely looks like a placeholder', () => {
  it('a string literal with the placeholder brackets is shown as typed', () => {
    // toA1Formula rewrites every ⟦…⟧, including those inside a string literal the user typed
    expect(typed('="⟦x⟧"&A1').read()).toBe('="⟦x⟧"&A1');
  });

  it('the pure functions leave text without references alone', () => {
    const never = () => null;
    expect(toStoredFormula('=A1', { sheetId: never, rowId: never, colId: never })).toBe('=A1');
    expect(toA1Formula('plain', { sheetName: never, rowIndex: never, colIndex: never, nearestRow: never, nearestCol: never })).toBe('plain');
  });
});

describe('sheet names with a double quote', () => {
  // mapCode splits code from string literals at every `"`, even inside a quoted sheet name
  it('a reference to such a sheet is bound and follows its cell', () => {
    const { wb, others, read } = typed(`='Say "hi"'!A1`, { sheets: ['Say "hi"'] });
    wb.requireSheet(others[0]!).insertRows(0, 1);
    expect(read()).toBe(`='Say "hi"'!A2`);
  });

  it('such a name does not turn a later string literal into code', () => {
    const { sheet } = typed(`='5" screens'!A1&"A1"`, { sheets: ['5" screens'] });
    sheet.insertRows(0, 1);
    expect(sheet.getInput(6, 3)).toBe(`='5" screens'!A1&"A1"`);
  });
});

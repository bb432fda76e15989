import { describe, expect, it } from 'vitest';
import { scanXlsxXml } from './scanXlsxXml.ts';
import { codeOf } from './testing/codeOf.ts';

describe('scanXlsxXml', () => {
  it('counts cell elements, not other tags starting with c', () => {
    expect(scanXlsxXml('<cols><col min="1" max="2"/></cols><row r="1"><c r="A1"/><c r="B1" s="1"><v>1</v></c><c>x</c></row><cfRule/>').cells).toBe(3);
  });

  it('adds up the cells of merges, data validations and defined names', () => {
    const xml =
      '<mergeCells count="2"><mergeCell ref="A1:B2"/><mergeCell ref="C3:C10"/></mergeCells>' +
      '<dataValidations><dataValidation type="list" sqref="D1:D100 F1"><formula1>"a,b"</formula1></dataValidation></dataValidations>' +
      "<definedNames><definedName name=\"x\">'My sheet'!$A$1:$Z$10</definedName><definedName name=\"_xlnm.Print_Titles\">Sheet1!$1:$1</definedName></definedNames>";
    expect(scanXlsxXml(xml).expandedCells).toBe(4 + 8 + 101 + 260); // whole rows are not expanded
  });

  it('counts the area of a merge bomb', () => {
    expect(scanXlsxXml('<mergeCell ref="A1:XFD1048576"/>').expandedCells).toBe(16384 * 1048576);
  });

  it('calls rows or columns past Excel’s grid CORRUPT_FILE', async () => {
    expect(await codeOf(() => scanXlsxXml('<row r="1048577"><c/></row>'))).toBe('SheetImportError:CORRUPT_FILE');
    expect(await codeOf(() => scanXlsxXml('<col min="1" max="1000000000" width="9"/>'))).toBe('SheetImportError:CORRUPT_FILE');
    expect(await codeOf(() => scanXlsxXml('<row r="1048576"/><col min="1" max="16384"/>'))).toBe('OK');
  });
});

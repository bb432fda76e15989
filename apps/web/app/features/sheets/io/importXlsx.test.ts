import { describe, expect, it } from 'vitest';
import { exportXlsx } from './exportXlsx.ts';
import { importXlsx } from './importXlsx.ts';
import { loadExcelJs, type ExcelJs } from './loadExcelJs.ts';
import { SHEET_IMPORT_LIMITS } from './sheetImportLimits.ts';
import { buildSampleWorkbook } from './testing/buildSampleWorkbook.ts';
import { buildSheetData } from './testing/buildSheetData.ts';
import { buildZip, deflatedZeros } from '../../../testing/buildZip.ts';
import { codeOf } from './testing/codeOf.ts';

type ExcelWorkbook = InstanceType<ExcelJs['Workbook']>;

/** A workbook written by exceljs itself, as other programs write them, not by `exportXlsx`. */
async function writtenByExcelJs(build: (workbook: ExcelWorkbook) => void): Promise<Uint8Array> {
  const excel = await loadExcelJs();
  const workbook = new excel.Workbook();
  build(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const rejection = (bytes: Uint8Array) => codeOf(() => importXlsx(bytes));

describe('importXlsx', () => {
  it('resolves shared formulas to each cell’s own formula', async () => {
    const bytes = await writtenByExcelJs((workbook) => {
      const sheet = workbook.addWorksheet('Sheet1');
      sheet.getCell('A1').value = 1;
      sheet.getCell('A2').value = 2;
      sheet.getCell('A3').value = 3;
      sheet.fillFormula('B1:B3', 'A1*2+$A$1', [3, 5, 7]);
    });
    const [sheet] = (await importXlsx(bytes)).sheets;
    expect(sheet!.cells.filter((c) => c.col === 1).map((c) => c.input)).toEqual(['=A1*2+$A$1', '=A2*2+$A$1', '=A3*2+$A$1']);
  });

  it('reads each kind of value as the model stores it', async () => {
    const bytes = await writtenByExcelJs((workbook) => {
      const sheet = workbook.addWorksheet('Kinds');
      sheet.getCell('A1').value = { richText: [{ text: 'rich ', font: { bold: true } }, { text: 'text' }] };
      sheet.getCell('A2').value = { text: 'a link', hyperlink: 'https://example.org' };
      sheet.getCell('A3').value = { error: '#N/A' as never };
      sheet.getCell('A4').value = new Date(Date.UTC(2023, 2, 15));
      sheet.getCell('A5').value = false;
      sheet.getCell('A6').value = { formula: '_xlfn.XLOOKUP(1,A1:A2,A1:A2)', result: 1 };
      sheet.getCell('A7').value = { formula: 'A1&"_xlfn.kept"' };
      sheet.getCell('A8').value = 'just text';
    });
    const [sheet] = (await importXlsx(bytes)).sheets;
    expect(sheet!.cells).toEqual([
      { row: 0, col: 0, input: 'rich text' },
      { row: 1, col: 0, input: 'a link' },
      { row: 2, col: 0, input: '#N/A' },
      { row: 3, col: 0, input: 45000, style: { format: { kind: 'date' } } }, // exceljs gives a date its own format
      { row: 4, col: 0, input: false },
      { row: 5, col: 0, input: '=XLOOKUP(1,A1:A2,A1:A2)' },
      { row: 6, col: 0, input: '=A1&"_xlfn.kept"' },
      { row: 7, col: 0, input: 'just text' },
    ]);
  });

  it('reads dates of a 1904-system workbook as 1900-system serials', async () => {
    const bytes = await writtenByExcelJs((workbook) => {
      workbook.properties.date1904 = true;
      const sheet = workbook.addWorksheet('Mac');
      sheet.getCell('A1').value = new Date(Date.UTC(2023, 2, 15));
    });
    expect((await importXlsx(bytes)).sheets[0]!.cells[0]!.input).toBe(45000);
  });

  it('keeps formatted empty cells and drops cells with nothing the model keeps', async () => {
    const bytes = await writtenByExcelJs((workbook) => {
      const sheet = workbook.addWorksheet('Styles');
      sheet.getCell('B2').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF336699' } };
      sheet.getCell('C3').font = { name: 'Arial', size: 20, color: { theme: 4 } };
      sheet.getCell('D4').border = { top: { style: 'thin' } };
    });
    expect((await importXlsx(bytes)).sheets[0]!.cells).toEqual([{ row: 1, col: 1, input: null, style: { background: '#336699' } }]);
  });

  it('counts widths and heights only within the content, and skips hidden columns', async () => {
    const bytes = await writtenByExcelJs((workbook) => {
      const sheet = workbook.addWorksheet('Sizes');
      sheet.getCell('A1').value = 1;
      for (let c = 1; c <= 200; c++) sheet.getColumn(c).width = 10;
      sheet.getColumn(2).hidden = true;
      sheet.getRow(500).height = 30;
      sheet.getRow(3).height = 30;
    });
    const [sheet] = (await importXlsx(bytes)).sheets;
    expect(sheet!.colCount).toBe(26);
    expect(Object.keys(sheet!.colWidths)).toHaveLength(25);
    expect(sheet!.colWidths[0]).toBe(75);
    expect(sheet!.colWidths[1]).toBeUndefined();
    expect(sheet!.rowHeights).toEqual({ 2: 40 });
  });

  it('refuses content beyond MAX_COLS but drops formatting there', async () => {
    const column = SHEET_IMPORT_LIMITS.MAX_COLS + 1;
    const styled = await writtenByExcelJs((workbook) => {
      const sheet = workbook.addWorksheet('Wide');
      sheet.getCell('A1').value = 1;
      sheet.getCell(1, column).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF336699' } };
    });
    expect((await importXlsx(styled)).sheets[0]!.cells).toEqual([{ row: 0, col: 0, input: 1 }]);
    const valued = await writtenByExcelJs((workbook) => {
      workbook.addWorksheet('Wide').getCell(1, column).value = 'far away';
    });
    expect(await rejection(valued)).toBe('SheetImportError:TOO_MANY_CELLS');
  });

  it('refuses content beyond MAX_ROWS', async () => {
    const bytes = await writtenByExcelJs((workbook) => {
      workbook.addWorksheet('Long').getCell(SHEET_IMPORT_LIMITS.MAX_ROWS + 1, 1).value = 'far down';
    });
    await expect(importXlsx(bytes)).rejects.toMatchObject({ code: 'TOO_MANY_CELLS', limit: 'MAX_ROWS' });
  });

  it('reads a view into a larger buffer', async () => {
    const bytes = await exportXlsx(buildSampleWorkbook());
    const padded = new Uint8Array(bytes.byteLength + 20);
    padded.set(bytes, 10);
    expect((await importXlsx(padded.subarray(10, 10 + bytes.byteLength))).sheets.map((s) => s.name)).toEqual(['Data', 'Q1 sales']);
  });

  it('reads a hand-made minimal .xlsx', async () => {
    const bytes = buildZip({
      '[Content_Types].xml':
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
      '_rels/.rels':
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
      'xl/workbook.xml':
        '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Hand made" sheetId="1" r:id="rId1"/></sheets></workbook>',
      'xl/_rels/workbook.xml.rels':
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
      'xl/worksheets/sheet1.xml':
        '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" state="frozen"/></sheetView></sheetViews><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lt;script&gt;</t></is></c><c r="B1"><v>2.5</v></c><c r="C1" t="b"><v>1</v></c></row><row r="2"><c r="A2"><f>B1*2</f><v>5</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="D1:E2"/></mergeCells></worksheet>',
    });
    expect(await importXlsx(bytes)).toEqual({
      sheets: [
        buildSheetData({
          name: 'Hand made',
          cells: [
            { row: 0, col: 0, input: '<script>' },
            { row: 0, col: 1, input: 2.5 },
            { row: 0, col: 2, input: true },
            { row: 1, col: 0, input: '=B1*2' },
          ],
          merges: [{ row: 0, col: 3, rowspan: 2, colspan: 2 }],
          frozenRows: 1,
        }),
      ],
    });
  });

  describe('malformed input, refused with a typed error and nothing returned', () => {
    it('random bytes: NOT_A_SPREADSHEET', async () => {
      expect(await rejection(Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 251))).toBe('SheetImportError:NOT_A_SPREADSHEET');
    });

    it('a zip without xl/workbook.xml: NOT_A_SPREADSHEET', async () => {
      expect(await rejection(buildZip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' }))).toBe('SheetImportError:NOT_A_SPREADSHEET');
    });

    it('a truncated .xlsx: CORRUPT_FILE', async () => {
      const bytes = await exportXlsx(buildSampleWorkbook());
      expect(await rejection(bytes.subarray(0, Math.floor(bytes.byteLength / 2)))).toBe('SheetImportError:CORRUPT_FILE');
      expect(await rejection(bytes.subarray(0, bytes.byteLength - 1))).toBe('SheetImportError:CORRUPT_FILE');
    });

    it('a workbook part that is not XML: CORRUPT_FILE', async () => {
      expect(await rejection(buildZip({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook><sheets><sheet name="x"' }))).toBe('SheetImportError:CORRUPT_FILE');
    });

    it('a zip bomb: FILE_TOO_LARGE', async () => {
      const bomb = buildZip({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook/>', 'xl/worksheets/sheet1.xml': deflatedZeros(200) });
      expect(await rejection(bomb)).toBe('SheetImportError:FILE_TOO_LARGE');
    });

    it('a merge bomb: TOO_MANY_CELLS before exceljs expands it', async () => {
      const bytes = await writtenByExcelJs((workbook) => workbook.addWorksheet('S').mergeCells('A1:B2'));
      const { inspectXlsxZip } = await import('./inspectXlsxZip.ts');
      const sheetXml = (await import('./testing/zipPartText.ts')).zipPartText;
      const xml = (await sheetXml(bytes, 'xl/worksheets/sheet1.xml')).replace('<mergeCell ref="A1:B2"/>', '<mergeCell ref="A1:XFD1048576"/>');
      const files = Object.fromEntries(await Promise.all(inspectXlsxZip(bytes).map(async (e) => [e.name, e.name === 'xl/worksheets/sheet1.xml' ? xml : await sheetXml(bytes, e.name)] as const)));
      const started = performance.now();
      expect(await rejection(buildZip(files))).toBe('SheetImportError:TOO_MANY_CELLS');
      expect(performance.now() - started).toBeLessThan(2_000);
    });

    it('an OLE file: ENCRYPTED_WORKBOOK or LEGACY_XLS', async () => {
      const header = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
      const name = (text: string) => [...text].flatMap((ch) => [ch.charCodeAt(0), 0]);
      expect(await rejection(Uint8Array.of(...header, ...new Uint8Array(504), ...name('EncryptedPackage')))).toBe('SheetImportError:ENCRYPTED_WORKBOOK');
      expect(await rejection(Uint8Array.of(...header, ...new Uint8Array(504), ...name('Workbook')))).toBe('SheetImportError:LEGACY_XLS');
    });

    it('a workbook without sheets: CORRUPT_FILE', async () => {
      expect(await rejection(await writtenByExcelJs(() => {}))).toBe('SheetImportError:CORRUPT_FILE');
    });
  });
});

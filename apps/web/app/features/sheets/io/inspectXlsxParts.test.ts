import { describe, expect, it } from 'vitest';
import { inspectXlsxParts } from './inspectXlsxParts.ts';
import { inspectXlsxZip } from './inspectXlsxZip.ts';
import { SHEET_IMPORT_LIMITS } from './sheetImportLimits.ts';
import { buildZip, deflatedZeros } from '../../../testing/buildZip.ts';
import { codeOf } from './testing/codeOf.ts';
import { xlsxFiles } from './testing/xlsxFiles.ts';

const inspect = (zip: Uint8Array) => inspectXlsxParts(zip, inspectXlsxZip(zip));

describe('inspectXlsxParts', () => {
  it('counts cells and expanded ranges over all sheets, tags cut across chunks included', async () => {
    // Big enough for many decompression chunks; the attributes vary so tags land across chunk boundaries.
    const rows = Array.from({ length: 20_000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" s="${i % 7}"><v>${i}</v></c><c r="B${i + 1}"/></row>`).join('');
    const merges = Array.from({ length: 2_000 }, (_, i) => `<mergeCell ref="C${i * 3 + 1}:D${i * 3 + 2}"/>`).join('');
    const zip = buildZip({
      ...xlsxFiles(`<worksheet><sheetData>${rows}</sheetData><mergeCells>${merges}</mergeCells></worksheet>`),
      'xl/worksheets/sheet2.xml': '<worksheet><sheetData><row r="1"><c r="A1"/></row></sheetData></worksheet>',
      'xl/sharedStrings.xml': '<sst><si><t>&lt;c r="A1"/&gt; is not counted outside sheets</t></si></sst>',
    });
    expect(await inspect(zip)).toEqual({ cells: 40_001, expandedCells: 8_000 });
  });

  it('refuses a part that unpacks to more than its declared size (a zip bomb that lies)', async () => {
    const liar = buildZip({ ...xlsxFiles(), 'xl/media/zeros.bin': { ...deflatedZeros(4096), declaredSize: 1000 } }); // 4 GiB as 4 MB, claiming 1 KB
    expect(inspectXlsxZip(liar)).toHaveLength(4);
    const started = performance.now();
    expect(await codeOf(() => inspect(liar))).toBe('SheetImportError:CORRUPT_FILE');
    expect(performance.now() - started).toBeLessThan(2_000); // stopped early, not after a gigabyte
  });

  it('refuses a part that unpacks to less than declared', async () => {
    expect(await codeOf(() => inspect(buildZip(xlsxFiles(), { declaredSize: 4000 })))).toBe('SheetImportError:CORRUPT_FILE');
  });

  it('refuses a tiny file whose merges cover more than MAX_XLSX_EXPANDED_CELLS', async () => {
    const zip = buildZip(xlsxFiles('<worksheet><mergeCells><mergeCell ref="A1:Z400000"/></mergeCells></worksheet>'));
    await expect(inspect(zip)).rejects.toMatchObject({ code: 'TOO_MANY_CELLS', limit: 'MAX_XLSX_EXPANDED_CELLS' });
  });

  it('refuses more than MAX_CELLS cell elements', async () => {
    const cells = Array.from({ length: SHEET_IMPORT_LIMITS.MAX_CELLS + 1 }, (_, i) => `<c r="A${i + 1}"/>`).join(''); // varied, to stay under the ratio limit
    const zip = buildZip(xlsxFiles(`<worksheet>${cells}</worksheet>`));
    await expect(inspect(zip)).rejects.toMatchObject({ code: 'TOO_MANY_CELLS', limit: 'MAX_CELLS' });
  });
});

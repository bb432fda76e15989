import { inflateZipEntry } from './inflateZipEntry.ts';
import { scanXlsxXml, type XlsxXmlScan } from './scanXlsxXml.ts';
import { SheetImportError } from './sheetImportError.ts';
import { SHEET_IMPORT_LIMITS } from './sheetImportLimits.ts';
import type { XlsxZipEntry } from './XlsxZipEntry.ts';

/** The parts exceljs reads cells, merges, validations and names from; its own test is this unanchored one. */
const SCANNED_PART = /^xl\/workbook\.xml$|xl\/worksheets\/sheet\d+[.]xml/;

/**
 * Unpacks every part once, before exceljs does, to check what the directory
 * only declared: no part unpacks to more than it says (so the declared
 * total, already checked, bounds the real one), and the sheets hold no more
 * cells and expanded ranges than the limits. Stops at the first byte too many.
 * @returns what the scan counted, over all parts.
 * @throws SheetImportError `CORRUPT_FILE`, `TOO_MANY_CELLS`.
 */
export async function inspectXlsxParts(zip: Uint8Array, entries: readonly XlsxZipEntry[]): Promise<XlsxXmlScan> {
  const L = SHEET_IMPORT_LIMITS;
  let cells = 0;
  let expandedCells = 0;
  const scan = (xml: string) => {
    const found = scanXlsxXml(xml);
    cells += found.cells;
    expandedCells += found.expandedCells;
    if (cells > L.MAX_CELLS) throw new SheetImportError('TOO_MANY_CELLS', 'MAX_CELLS');
    if (expandedCells > L.MAX_XLSX_EXPANDED_CELLS) throw new SheetImportError('TOO_MANY_CELLS', 'MAX_XLSX_EXPANDED_CELLS');
  };

  for (const entry of entries) {
    const scanned = SCANNED_PART.test(entry.name);
    const decoder = new TextDecoder();
    let pending = ''; // text since the last '<', so each scanned piece ends before a tag
    let size = 0;
    for await (const chunk of inflateZipEntry(zip, entry)) {
      size += chunk.byteLength;
      if (size > entry.uncompressedSize) throw new SheetImportError('CORRUPT_FILE');
      if (!scanned) continue;
      const text = decoder.decode(chunk, { stream: true });
      const cut = text.lastIndexOf('<');
      if (cut < 0) {
        pending += text;
        continue;
      }
      scan(pending + text.slice(0, cut));
      pending = text.slice(cut);
    }
    if (size !== entry.uncompressedSize) throw new SheetImportError('CORRUPT_FILE');
    if (scanned) scan(pending + decoder.decode());
  }
  return { cells, expandedCells };
}

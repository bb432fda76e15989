import * as Y from 'yjs';
import type { SheetView } from '../models/sheet/SheetView.ts';
import { Workbook } from '../models/sheet/Workbook.ts';

export type BuiltWorkbook = { doc: Y.Doc; wb: Workbook; sheet: SheetView };

/**
 * A fixture: a fresh Y.Doc holding a workbook with one small sheet (so tests
 * read positions without scrolling through 100 × 26 cells). `from` makes a
 * second peer instead: a new document with the state of that one, no sheet added.
 */
export function buildWorkbook(overrides: { rows?: number; cols?: number; name?: string; clientID?: number; from?: Y.Doc } = {}): BuiltWorkbook {
  const doc = new Y.Doc();
  if (overrides.clientID !== undefined) doc.clientID = overrides.clientID;
  const wb = new Workbook(doc);
  if (overrides.from) Y.applyUpdate(doc, Y.encodeStateAsUpdate(overrides.from), 'remote');
  else wb.addSheet({ name: overrides.name ?? 'Sheet 1', rows: overrides.rows ?? 6, cols: overrides.cols ?? 4 });
  const first = wb.sheets()[0];
  if (!first) throw new Error('buildWorkbook: the document holds no sheet');
  return { doc, wb, sheet: wb.requireSheet(first.id) };
}

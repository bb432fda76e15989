import { useRef, useState } from 'react';
import { SheetError, addSheetsFromData, isFormula, workbookToData, type WorkbookData, type Workbook } from '@coffre/docs';
import { downloadBytes, safeFileName } from '../docs/downloadBytes.ts';
import type { SheetEngine } from './SheetEngine.ts';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Props = {
  wb: Workbook;
  engine: SheetEngine;
  activeId: string | null;
  readOnly: boolean;
  title: string;
  onError(message: string): void;
  onImported(sheetIds: string[]): void;
};

/** The workbook with each formula's computed value beside it, so other programs show numbers before they recalculate. */
function dataWithResults(wb: Workbook, engine: SheetEngine): WorkbookData {
  const data = workbookToData(wb);
  const ids = wb.sheets().map((s) => s.id);
  data.sheets.forEach((s, i) => {
    for (const c of s.cells) {
      if (!isFormula(c.input)) continue;
      const v = engine.computed(ids[i]!, c.row, c.col);
      c.result = v.value;
    }
  });
  return data;
}

/**
 * Import (CSV, XLSX: the file's sheets are added as new tabs, nothing is
 * replaced) and export (CSV of this sheet, XLSX of the workbook). All of it
 * runs in this tab; the plaintext never leaves it.
 */
export function SheetFileMenu({ wb, engine, activeId, readOnly, title, onError, onImported }: Props) {
  const [menu, setMenu] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const name = safeFileName(title || 'Untitled spreadsheet');

  async function handleExport(kind: 'csv' | 'xlsx') {
    setMenu(false);
    const data = dataWithResults(wb, engine);
    if (kind === 'csv') {
      const { exportCsv } = await import('./io/exportCsv.ts');
      const index = wb.sheets().findIndex((s) => s.id === activeId);
      const sheet = data.sheets[Math.max(0, index)]!;
      downloadBytes(new TextEncoder().encode(exportCsv(sheet)), `${name} - ${safeFileName(sheet.name)}.csv`, 'text/csv');
    } else {
      const { exportXlsx } = await import('./io/exportXlsx.ts');
      downloadBytes(await exportXlsx(data), `${name}.xlsx`, XLSX_MIME);
    }
  }

  async function handleImport(file: File) {
    setStatus(null);
    const { SheetImportError } = await import('./io/sheetImportError.ts');
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      let data: WorkbookData;
      if (/\.csv$|\.tsv$|\.txt$/i.test(file.name)) {
        const { importCsv } = await import('./io/importCsv.ts');
        data = { sheets: [importCsv(bytes, file.name.replace(/\.[^.]+$/, '') || 'Imported')] };
      } else {
        const { importXlsx } = await import('./io/importXlsx.ts');
        data = await importXlsx(bytes);
      }
      const ids = addSheetsFromData(wb, data);
      onImported(ids);
      setStatus(`Imported ${ids.length} sheet${ids.length === 1 ? '' : 's'} from ${file.name}.`);
      setTimeout(() => setStatus(null), 8000);
    } catch (e) {
      if (e instanceof SheetImportError || e instanceof SheetError) onError(e.message);
      else onError('This file could not be imported. Nothing was changed.');
    }
  }

  return (
    <div className="doc-file-menu">
      <button type="button" className="secondary" aria-haspopup="menu" aria-expanded={menu} onClick={() => setMenu(!menu)}>File</button>
      {menu && (
        <div role="menu" className="menu">
          <button type="button" role="menuitem" onClick={() => void handleExport('xlsx')}>Download as Excel (.xlsx)</button>
          <button type="button" role="menuitem" onClick={() => void handleExport('csv')}>Download this sheet as CSV</button>
          {!readOnly && (
            <button type="button" role="menuitem" onClick={() => { setMenu(false); fileInput.current?.click(); }}>Import .xlsx or .csv…</button>
          )}
        </div>
      )}
      <input
        ref={fileInput}
        type="file"
        hidden
        aria-label="Import a spreadsheet file"
        accept=".xlsx,.csv,.tsv,.txt,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) void handleImport(f);
        }}
      />
      {status && <span className="muted small" role="status">{status}</span>}
    </div>
  );
}

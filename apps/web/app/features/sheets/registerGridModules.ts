import { registerCellType, TextCellType } from 'handsontable/cellTypes';
import { registerEditor, TextEditor } from 'handsontable/editors';
import { registerRenderer, textRenderer } from 'handsontable/renderers';
import { AutoColumnSize, Autofill, ContextMenu, CopyPaste, CustomBorders, HiddenRows, ManualColumnMove, ManualColumnResize, ManualRowMove, ManualRowResize, MergeCells, registerPlugin } from 'handsontable/plugins';

let done = false;

/** Only the modules the spreadsheet uses, registered once (Handsontable's base build has none). */
export function registerGridModules(): void {
  if (done) return;
  done = true;
  registerCellType(TextCellType);
  registerEditor(TextEditor);
  registerRenderer(textRenderer);
  for (const p of [AutoColumnSize, Autofill, ContextMenu, CopyPaste, CustomBorders, HiddenRows, ManualColumnMove, ManualColumnResize, ManualRowMove, ManualRowResize, MergeCells]) registerPlugin(p);
}

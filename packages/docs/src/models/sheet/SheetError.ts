export type SheetErrorCode = 'CELL_TOO_LONG' | 'TOO_MANY_ROWS' | 'TOO_MANY_COLUMNS' | 'TOO_MANY_SHEETS' | 'LAST_SHEET' | 'NO_SUCH_SHEET' | 'OUT_OF_RANGE';

const MESSAGES: Record<SheetErrorCode, string> = {
  CELL_TOO_LONG: 'A cell holds at most 32,767 characters.',
  TOO_MANY_ROWS: 'A sheet holds at most 200,000 rows.',
  TOO_MANY_COLUMNS: 'A sheet holds at most 1,000 columns.',
  TOO_MANY_SHEETS: 'A workbook holds at most 200 sheets.',
  LAST_SHEET: 'A workbook keeps at least one sheet.',
  NO_SUCH_SHEET: 'That sheet no longer exists.',
  OUT_OF_RANGE: 'That row or column no longer exists.',
};

/** An edit the workbook refused; nothing was changed. The message is fit to show a person. */
export class SheetError extends Error {
  constructor(readonly code: SheetErrorCode) {
    super(MESSAGES[code]);
    this.name = 'SheetError';
  }
}

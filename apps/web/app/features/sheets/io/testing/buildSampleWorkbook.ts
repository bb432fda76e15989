import type { WorkbookData } from '@coffre/docs';
import { buildSheetData } from './buildSheetData.ts';

/**
 * Test-only: two sheets using everything the .xlsx export writes: a formula
 * on the second sheet summing the first, a sheet name with a space, styles,
 * number formats, a date, widths, heights, merges and frozen panes.
 */
export function buildSampleWorkbook(): WorkbookData {
  return {
    sheets: [
      buildSheetData({
        name: 'Data',
        cells: [
          { row: 0, col: 0, input: 'Amount', style: { bold: true, background: '#dde4ff', align: 'center' } },
          { row: 0, col: 1, input: 'When', style: { bold: true, italic: true, color: '#aa0000' } },
          { row: 1, col: 0, input: 1200.5, style: { format: { kind: 'currency', decimals: 2, currency: 'EUR' } } },
          { row: 1, col: 1, input: 45000, style: { format: { kind: 'date' } } },
          { row: 2, col: 0, input: -3, style: { format: { kind: 'number', decimals: 1, thousands: true } } },
          { row: 2, col: 1, input: 45000.75, style: { format: { kind: 'datetime' } } },
          { row: 3, col: 0, input: 0.125, style: { format: { kind: 'percent', decimals: 1 } } },
          { row: 3, col: 1, input: true },
          { row: 4, col: 0, input: '007', style: { format: { kind: 'text' }, align: 'right' } },
          { row: 4, col: 2, input: null, style: { background: '#ffff00' } },
          { row: 5, col: 0, input: 'merged', style: { align: 'center' } },
        ],
        colWidths: { 0: 120, 1: 89, 3: 40 },
        rowHeights: { 0: 32, 5: 48 },
        merges: [{ row: 5, col: 0, rowspan: 2, colspan: 3 }],
        frozenRows: 1,
        frozenCols: 1,
      }),
      buildSheetData({
        name: 'Q1 sales',
        cells: [
          { row: 0, col: 0, input: '=SUM(Data!A1:A3)', result: 1197.5 },
          { row: 0, col: 1, input: "=A1*'Q1 sales'!A1", result: 1434006.25 },
          { row: 1, col: 0, input: '=Data!B4', result: true },
          { row: 2, col: 0, input: 'plain text' },
        ],
        frozenRows: 2,
      }),
    ],
  };
}

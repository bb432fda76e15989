import type { CellInput } from '@coffre/docs';

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * What a person typed, as a cell input: plain numbers become numbers (so
 * exports keep their type), but not ones a spreadsheet would keep as text —
 * leading zeros (`007`) and digit strings too long to be exact (IDs, phones).
 * Everything else, formulas included, stays text for the engine to read.
 */
export function parseTypedInput(text: unknown): CellInput {
  if (text === null || text === undefined) return null;
  if (typeof text === 'number' || typeof text === 'boolean') return text;
  const s = String(text);
  if (s.trim() === '') return null;
  const t = s.trim();
  if (NUMBER.test(t)) {
    const digits = t.replace(/^[+-]/, '');
    const leadingZero = /^0\d/.test(digits);
    if (!leadingZero && digits.replace(/[.eE+-]/g, '').length <= 15) {
      const n = Number(t);
      if (Number.isFinite(n)) return n;
    }
  }
  return s;
}

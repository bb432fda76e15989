import type { CellStyle, NumberFormat } from './WorkbookData.ts';

const COLOR = /^#[0-9a-f]{6}$/i;
const CURRENCY = /^[A-Z]{3}$/;
const ALIGN = new Set(['left', 'center', 'right']);

function readFormat(raw: unknown): NumberFormat | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const f = raw as Record<string, unknown>;
  const decimals = typeof f.decimals === 'number' && Number.isInteger(f.decimals) && f.decimals >= 0 && f.decimals <= 10 ? f.decimals : 2;
  switch (f.kind) {
    case 'number':
      return f.thousands === true ? { kind: 'number', decimals, thousands: true } : { kind: 'number', decimals };
    case 'currency':
      return typeof f.currency === 'string' && CURRENCY.test(f.currency) ? { kind: 'currency', decimals, currency: f.currency } : undefined;
    case 'percent':
      return { kind: 'percent', decimals };
    case 'date':
    case 'datetime':
    case 'text':
      return { kind: f.kind };
    default:
      return undefined;
  }
}

/**
 * A style as written by any collaborator, reduced to the fields and values we
 * know. Colours end up in CSS, so anything but `#rrggbb` is dropped.
 */
export function readCellStyle(raw: unknown): CellStyle | undefined {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const s = raw as Record<string, unknown>;
  const out: CellStyle = {};
  if (s.bold === true) out.bold = true;
  if (s.italic === true) out.italic = true;
  if (typeof s.color === 'string' && COLOR.test(s.color)) out.color = s.color.toLowerCase();
  if (typeof s.background === 'string' && COLOR.test(s.background)) out.background = s.background.toLowerCase();
  if (typeof s.align === 'string' && ALIGN.has(s.align)) out.align = s.align as CellStyle['align'];
  const format = readFormat(s.format);
  if (format) out.format = format;
  return Object.keys(out).length > 0 ? out : undefined;
}

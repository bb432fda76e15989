import type { CellStyle } from '@coffre/docs';
import type { Style } from 'exceljs';
import { excelNumberFormat } from './excelNumberFormat.ts';

/** Excel's default body font, written out because a font with only `bold` set is not read the same by every program. */
const DEFAULT_FONT = { name: 'Calibri', size: 11, family: 2 } as const;

/** An exceljs style for the model's; the inverse of `cellStyleFromExcel`. Undefined for no style. */
export function excelStyle(style: CellStyle | undefined): Partial<Style> | undefined {
  if (!style) return undefined;
  const out: Partial<Style> = {};
  const color = argbOf(style.color);
  if (style.bold || style.italic || color) {
    out.font = { ...DEFAULT_FONT };
    if (style.bold) out.font.bold = true;
    if (style.italic) out.font.italic = true;
    if (color) out.font.color = { argb: color };
  }
  const background = argbOf(style.background);
  if (background) out.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: background } };
  if (style.align) out.alignment = { horizontal: style.align };
  if (style.format) out.numFmt = excelNumberFormat(style.format);
  return Object.keys(out).length ? out : undefined;
}

/** `FFrrggbb` for `#rrggbb`; anything else is dropped rather than written as an invalid colour. */
function argbOf(hex: string | undefined): string | undefined {
  return hex && /^#[0-9a-f]{6}$/i.test(hex) ? `FF${hex.slice(1).toUpperCase()}` : undefined;
}

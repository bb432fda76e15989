import type { CellStyle, HorizontalAlign } from '@coffre/docs';
import type { Color, Style } from 'exceljs';
import { numberFormatFromExcel } from './numberFormatFromExcel.ts';

const ALIGNMENTS: Readonly<Record<string, HorizontalAlign>> = { left: 'left', center: 'center', centerContinuous: 'center', right: 'right' };

/**
 * The part of an exceljs cell style the model keeps: bold, italic, explicit
 * RGB font and solid fill colours, left/center/right, the number format.
 * Theme and indexed colours are dropped (resolving them needs the theme part,
 * which exceljs does not interpret). Undefined when nothing is left.
 */
export function cellStyleFromExcel(style: Partial<Style> | undefined): CellStyle | undefined {
  if (!style) return undefined;
  const out: CellStyle = {};
  if (style.font?.bold) out.bold = true;
  if (style.font?.italic) out.italic = true;
  const color = hexOf(style.font?.color);
  if (color) out.color = color;
  const fill = style.fill;
  if (fill?.type === 'pattern' && fill.pattern === 'solid') {
    const background = hexOf(fill.fgColor);
    if (background) out.background = background;
  }
  const align = style.alignment?.horizontal && ALIGNMENTS[style.alignment.horizontal];
  if (align) out.align = align;
  const format = numberFormatFromExcel(style.numFmt);
  if (format) out.format = format;
  return Object.keys(out).length ? out : undefined;
}

/** `#rrggbb` of an ARGB (or RGB) colour; alpha is ignored, as Excel does. */
function hexOf(color: Partial<Color> | undefined): string | undefined {
  const argb = color?.argb;
  if (!argb || !/^(?:[0-9A-Fa-f]{2})?[0-9A-Fa-f]{6}$/.test(argb)) return undefined;
  return `#${argb.slice(-6).toLowerCase()}`;
}

const HEX = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
const RGB = /^rgba?\(\s*(\d{1,3})\s*[,\s]\s*(\d{1,3})\s*[,\s]\s*(\d{1,3})\s*(?:[,/]\s*[\d.]+%?\s*)?\)$/i;

/**
 * A CSS colour from a mark attribute as lowercase `rrggbb` (no `#`; alpha is
 * dropped), or null if it is not a plain hex or rgb() colour. Exports only
 * ever write colours that passed through here.
 */
export function cssColorToHex(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const v = value.trim();
  const hex = HEX.exec(v);
  if (hex) {
    const digits = hex[1]!.toLowerCase();
    const rgb = digits.length <= 4 ? [...digits.slice(0, 3)].map((d) => d + d).join('') : digits.slice(0, 6);
    return rgb;
  }
  const rgb = RGB.exec(v);
  if (rgb) {
    const channels = rgb.slice(1, 4).map(Number);
    if (channels.some((c) => c > 255)) return null;
    return channels.map((c) => c.toString(16).padStart(2, '0')).join('');
  }
  return null;
}

import type { NumberFormat } from '@coffre/docs';
import { CURRENCY_SYMBOLS } from './currencySymbols.ts';

const CODE_OF_SYMBOL = new Map(Object.entries(CURRENCY_SYMBOLS).map(([code, symbol]) => [symbol, code]));
const BARE_SYMBOL = /[€$£¥₹₩₽]/;
const MAX_DECIMALS = 30;

/**
 * The model's format for an Excel number format code, or undefined for
 * General and what the model cannot show (fractions, custom text). Reads the
 * first (positive) section only. Currency comes from `[$€-407]`, `[$USD]`, a
 * quoted or a bare symbol; dates and times from y/m/d/h/s outside quotes.
 */
export function numberFormatFromExcel(code: string | undefined): NumberFormat | undefined {
  if (!code) return undefined;
  const section = firstSection(code).trim();
  if (section === '' || /^general$/i.test(section)) return undefined;
  if (section === '@') return { kind: 'text' };

  const currency = currencyOf(section);
  // Without literals, locale and colour tags, escapes, padding (_x) and fill (*x).
  const bare = section.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '').replace(/\\.|_.|\*./g, '');
  const elapsed = /\[(?:h+|m+|s+)\]/i.test(section); // [h]:mm, a duration
  if (/[ymd]/i.test(bare) && !/[hs]/i.test(bare) && !elapsed) return { kind: 'date' };
  if (/[ymdhs]/i.test(bare) || elapsed) return { kind: 'datetime' };
  if (!/[0#?]/.test(bare) || bare.includes('/')) return undefined;

  const decimals = Math.min(MAX_DECIMALS, /\.([0#?]+)/.exec(bare)?.[1]?.length ?? 0);
  if (bare.includes('%')) return { kind: 'percent', decimals };
  if (currency) return { kind: 'currency', decimals, currency };
  return /[0#?],[0#?]/.test(bare) ? { kind: 'number', decimals, thousands: true } : { kind: 'number', decimals };
}

function firstSection(code: string): string {
  let quoted = false;
  let bracket = false;
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    if (ch === '"' && !bracket) quoted = !quoted;
    else if (ch === '[' && !quoted) bracket = true;
    else if (ch === ']' && !quoted) bracket = false;
    else if (ch === '\\' && !quoted) i++;
    else if (ch === ';' && !quoted && !bracket) return code.slice(0, i);
  }
  return code;
}

function currencyOf(section: string): string | undefined {
  const tagged = /\[\$([^\]-]*)(?:-[0-9A-Fa-f]+)?\]/.exec(section)?.[1]; // [$€-407]; [$-409] is a locale alone
  if (tagged) return codeOf(tagged);
  for (const [, literal] of section.matchAll(/"([^"]*)"/g)) {
    const code = codeOf(literal!.trim());
    if (code) return code;
  }
  const bare = BARE_SYMBOL.exec(section.replace(/"[^"]*"/g, ''))?.[0];
  return bare ? codeOf(bare) : undefined;
}

function codeOf(symbol: string): string | undefined {
  if (/^[A-Z]{3}$/.test(symbol)) return symbol;
  return CODE_OF_SYMBOL.get(symbol);
}

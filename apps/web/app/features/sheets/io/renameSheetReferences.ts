import { sheetPrefix } from '@coffre/docs';

/** A bare sheet name before '!', as the model reads one (`formulaRefs.ts`). */
const BARE_NAME = /[\p{L}_][\p{L}\p{N}_.]*$/u;
const NAME_CHAR = /[\p{L}\p{N}_.]/u;

/**
 * `formula` with its sheet prefixes (`'Old name'!`, `Old!`) renamed by
 * `rename`, which returns the new name or undefined to keep one. Text in
 * string literals is left alone; new names are quoted as the model quotes them.
 */
export function renameSheetReferences(formula: string, rename: (name: string) => string | undefined): string {
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i]!;
    if (ch === '"') {
      const end = closing(formula, i, '"');
      out += formula.slice(i, end);
      i = end;
    } else if (ch === "'") {
      const end = closing(formula, i, "'");
      const renamed = formula[end] === '!' ? rename(formula.slice(i + 1, end - 1).replaceAll("''", "'")) : undefined;
      out += renamed === undefined ? formula.slice(i, end) : sheetPrefix(renamed).slice(0, -1);
      i = end;
    } else if (ch === '!') {
      const bare = BARE_NAME.exec(out)?.[0];
      const before = bare === undefined ? undefined : out[out.length - bare.length - 1];
      const renamed = bare !== undefined && (before === undefined || !NAME_CHAR.test(before)) ? rename(bare) : undefined;
      if (renamed !== undefined) out = out.slice(0, -bare!.length) + sheetPrefix(renamed).slice(0, -1);
      out += ch;
      i++;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

/** Index after the quote that closes the one at `start`, a doubled quote being part of the text. */
function closing(text: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === quote) {
      if (text[i + 1] !== quote) return i + 1;
      i += 2;
    } else i++;
  }
  return text.length;
}

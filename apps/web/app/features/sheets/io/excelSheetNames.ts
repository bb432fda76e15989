/** Excel's rules: at most 31 characters, none of these, no quote at either end, unique regardless of case. */
const MAX_CHARS = 31;
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[[\]:*?/\\\u0000-\u001f]/g;
/** Excel keeps this name for its change history. */
const RESERVED = 'history';

/**
 * Names Excel accepts for these sheets, in order. Valid names are kept as
 * they are (and reserved first, so a fixed name never takes the name of a
 * sheet that needed none); others get forbidden characters replaced by '_',
 * are cut to 31 characters and numbered `Name (2)` when taken.
 */
export function excelSheetNames(names: readonly string[]): string[] {
  const taken = new Set<string>([RESERVED]);
  const out: (string | undefined)[] = names.map((name) => {
    if (!isValid(name) || taken.has(name.toLowerCase())) return undefined;
    taken.add(name.toLowerCase());
    return name;
  });
  return names.map((name, i) => {
    const kept = out[i];
    if (kept !== undefined) return kept;
    const base = name.replace(FORBIDDEN, '_').replace(/^'+|'+$/g, '').trim() || `Sheet${i + 1}`;
    let candidate = cut(base, MAX_CHARS);
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) {
      const suffix = ` (${n})`;
      candidate = cut(base, MAX_CHARS - suffix.length) + suffix;
    }
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}

function isValid(name: string): boolean {
  return name.trim() !== '' && name.length <= MAX_CHARS && !new RegExp(FORBIDDEN.source).test(name) && !/^'|'$/.test(name);
}

/** The first `max` UTF-16 units (Excel's count), without splitting a surrogate pair. */
function cut(text: string, max: number): string {
  let out = '';
  for (const ch of text) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out.trimEnd();
}

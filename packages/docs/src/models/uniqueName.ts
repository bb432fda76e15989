import { fitEntryName } from './fitEntryName.ts';
import { splitExtension } from './splitExtension.ts';

const COUNTER = / \((\d+)\)$/;

/**
 * `wanted` if no name in `existing` matches it, else the first free
 * "stem (n).ext" ("report.pdf" → "report (1).pdf", ".env" → ".env (1)"). A
 * wanted "report (1).pdf" continues that count rather than nesting
 * "report (1) (1).pdf". Names match case-insensitively after NFC, because the
 * folder may be downloaded onto a file system that folds case. The result fits
 * MAX_ENTRY_NAME_LENGTH if `wanted` does.
 */
export function uniqueName(existing: Iterable<string>, wanted: string): string {
  const taken = new Set<string>();
  for (const name of existing) taken.add(fold(name));
  if (!taken.has(fold(wanted))) return wanted;
  const { stem, ext } = splitExtension(wanted);
  const counted = COUNTER.exec(stem);
  const base = counted ? stem.slice(0, counted.index) : stem;
  // At most taken.size names can be taken, so this ends within taken.size + 1 tries.
  for (let n = 1; ; n += 1) {
    const candidate = fitEntryName(base, ` (${n})${ext}`);
    if (!taken.has(fold(candidate))) return candidate;
  }
}

function fold(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

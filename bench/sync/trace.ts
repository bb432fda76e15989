import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

/** [position, characters deleted, text inserted] */
export type Patch = [number, number, string];
export type EditingTrace = { startContent: string; endContent: string; patches: Patch[]; path: string };

/**
 * The automerge-paper editing trace (josephg/editing-traces, CC BY 4.0),
 * read in place from the shared data folder next to the repository; it is
 * never copied into the repository. COFFRE_TRACE overrides the path.
 */
export function tracePath(): string {
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  return process.env.COFFRE_TRACE ?? path.resolve(repoRoot, '../shared/data/automerge-paper.json.gz');
}

/** @returns null when the file is not there (the benchmark is then skipped with a message). */
export function loadTrace(): EditingTrace | null {
  const file = tracePath();
  if (!fs.existsSync(file)) return null;
  const json = JSON.parse(gunzipSync(fs.readFileSync(file)).toString('utf8')) as {
    startContent: string;
    endContent: string;
    txns: Array<{ patches: Patch[] }>;
  };
  return { startContent: json.startContent, endContent: json.endContent, patches: json.txns.flatMap((t) => t.patches), path: file };
}

// Longer "extensions" are more likely prose ("v2.the final cut") than a file type.
const EXTENSION = /\.[^.\s]{1,16}$/;

/**
 * Splits "report.pdf" into "report" and ".pdf". A dot-file (".env") and a name
 * ending in a dot have no extension; only the last extension counts
 * ("a.tar.gz" → "a.tar" + ".gz").
 */
export function splitExtension(name: string): { stem: string; ext: string } {
  const match = EXTENSION.exec(name);
  if (!match || match.index === 0) return { stem: name, ext: '' };
  return { stem: name.slice(0, match.index), ext: match[0] };
}

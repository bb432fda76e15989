import { inflateZipEntry } from '../inflateZipEntry.ts';
import { inspectXlsxZip } from '../inspectXlsxZip.ts';

/** Test-only: the text of one part of an .xlsx. */
export async function zipPartText(zip: Uint8Array, name: string): Promise<string> {
  const entry = inspectXlsxZip(zip).find((e) => e.name === name);
  if (!entry) throw new Error(`no ${name} in the zip`);
  const decoder = new TextDecoder();
  let text = '';
  for await (const chunk of inflateZipEntry(zip, entry)) text += decoder.decode(chunk, { stream: true });
  return text + decoder.decode();
}

import { MAX_ENTRY_NAME_LENGTH, fitEntryName } from './fitEntryName.ts';
import { splitExtension } from './splitExtension.ts';

/** What an entry is called when nothing of its name survives cleaning. */
export const FALLBACK_ENTRY_NAME = 'Untitled';

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const CONTROL_WHITESPACE = /[\t\n\v\f\r]/g;
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
// Overrides and isolates let "invoice\u202Efdp.exe" display as "invoiceexe.pdf".
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/g;
const SEPARATOR = /[/\\]/g;

/**
 * The name to store for a user-typed or uploaded name: well-formed UTF-16, NFC,
 * no control or bidi override/isolate characters, no path separators, trimmed,
 * at most MAX_ENTRY_NAME_LENGTH code units (the extension kept), never empty.
 * HTML stays as typed: it is text, and the UI escapes it when rendering.
 */
export function cleanEntryName(name: string): string {
  const cleaned = name
    .replace(LONE_SURROGATE, '\ufffd')
    .replace(CONTROL_WHITESPACE, ' ')
    .replace(CONTROL, '')
    .replace(BIDI_CONTROL, '')
    .replace(SEPARATOR, '_')
    .normalize('NFC')
    .trim();
  if (cleaned === '') return FALLBACK_ENTRY_NAME;
  if (cleaned.length <= MAX_ENTRY_NAME_LENGTH) return cleaned;
  const { stem, ext } = splitExtension(cleaned);
  return fitEntryName(stem, ext) || FALLBACK_ENTRY_NAME;
}

import type { JSONContent } from '@tiptap/core';
import { MarkdownManager } from '@tiptap/markdown';
import { Marked } from 'marked';
import { editorExtensions } from './editorExtensions.ts';
import { DocumentImportError } from './importError.ts';
import { IMPORT_LIMITS } from './importLimits.ts';
import { toSchemaDoc } from './toSchemaDoc.ts';
import { wrapStrayInline } from './wrapStrayInline.ts';

let manager: MarkdownManager | undefined;

/**
 * GitHub-flavoured Markdown as a document for the editor's schema: headings,
 * emphasis, links, lists (nested, numbered, task), quotes, fenced code,
 * rules and tables. Raw HTML is parsed by the schema in a browser and kept as
 * literal text where there is no DOM. Images are not fetched: their alt text
 * is kept. Nothing is applied: the caller replaces
 * the body with the result in one transaction.
 * @throws DocumentImportError `TOO_LARGE` over `IMPORT_LIMITS.MAX_MARKDOWN_BYTES`.
 */
export function importMarkdown(markdown: string): JSONContent {
  const limit = IMPORT_LIMITS.MAX_MARKDOWN_BYTES;
  // UTF-8 never takes fewer bytes than UTF-16 code units, so the cheap test rules out most.
  if (markdown.length > limit || new TextEncoder().encode(markdown).byteLength > limit) {
    throw new DocumentImportError('TOO_LARGE', `Markdown files can be at most ${limit / 1024 / 1024} MB.`, limit);
  }
  // A private marked instance: the manager registers its tokenizers on whatever it is given.
  manager ??= new MarkdownManager({ marked: new Marked() as never, extensions: editorExtensions() });
  let parsed: JSONContent;
  try {
    parsed = manager.parse(markdown.replace(/^\uFEFF/, ''));
  } catch {
    throw new DocumentImportError('MALFORMED_FILE', 'The Markdown could not be read.');
  }
  return toSchemaDoc(wrapStrayInline(parsed));
}

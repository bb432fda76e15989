import type { JSONContent } from '@tiptap/core';
import { editorSchema } from './editorSchema.ts';
import { DocumentImportError } from './importError.ts';
import { safeHref } from './safeHref.ts';

/**
 * Parsed content as a complete `doc` that the editor's schema accepts, with
 * every attribute filled in and every link checked by `safeHref` (parsers do
 * not all apply the editor's link rules), so the caller can apply it in one
 * transaction.
 * @throws DocumentImportError `MALFORMED_FILE` if the content breaks the schema.
 */
export function toSchemaDoc(json: JSONContent): JSONContent {
  const content = json.content?.length ? json.content.map(withSafeLinks) : [{ type: 'paragraph' }];
  try {
    const doc = editorSchema().nodeFromJSON({ type: 'doc', content });
    doc.check();
    return doc.toJSON() as JSONContent;
  } catch {
    throw new DocumentImportError('MALFORMED_FILE', 'The file’s content could not be turned into a document.');
  }
}

function withSafeLinks(node: JSONContent): JSONContent {
  const out: JSONContent = { ...node };
  if (node.marks) {
    out.marks = node.marks.flatMap((mark) => {
      if (mark.type !== 'link') return [mark];
      const href = safeHref(mark.attrs?.href);
      return href ? [{ ...mark, attrs: { ...mark.attrs, href } }] : [];
    });
  }
  if (node.content) out.content = node.content.map(withSafeLinks);
  return out;
}

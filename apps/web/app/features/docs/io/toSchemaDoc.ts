import type { JSONContent } from '@tiptap/core';
import { editorSchema } from './editorSchema.ts';
import { DocumentImportError } from './importError.ts';

/**
 * Parsed content as a complete `doc` that the editor's schema accepts, with
 * every attribute filled in, so the caller can apply it in one transaction.
 * @throws DocumentImportError `MALFORMED_FILE` if the content breaks the schema.
 */
export function toSchemaDoc(json: JSONContent): JSONContent {
  const content = json.content?.length ? json.content : [{ type: 'paragraph' }];
  try {
    const doc = editorSchema().nodeFromJSON({ type: 'doc', content });
    doc.check();
    return doc.toJSON() as JSONContent;
  } catch {
    throw new DocumentImportError('MALFORMED_FILE', 'The file’s content could not be turned into a document.');
  }
}

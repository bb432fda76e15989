import type { JSONContent } from '@tiptap/core';
import { editorSchema } from './editorSchema.ts';

/**
 * Wraps inline nodes that a parser left among blocks in paragraphs. The
 * Markdown parser unwraps a paragraph holding only an image into the image,
 * and with no image in the schema that leaves the alt text loose at block
 * level, which the schema refuses; the text is kept instead.
 */
export function wrapStrayInline(node: JSONContent): JSONContent {
  if (!node.content) return node;
  const content = node.content.map(wrapStrayInline);
  const type = node.type ? editorSchema().nodes[node.type] : undefined;
  if (!type || type.inlineContent || type.isLeaf) return { ...node, content };
  const out: JSONContent[] = [];
  let run: JSONContent[] | null = null;
  for (const child of content) {
    const isInline = child.type !== undefined && editorSchema().nodes[child.type]?.isInline;
    if (!isInline) {
      run = null;
      out.push(child);
    } else if (run) {
      run.push(child);
    } else {
      run = [child];
      out.push({ type: 'paragraph', content: run });
    }
  }
  return { ...node, content: out };
}

import type * as Y from 'yjs';

/** The shape of a word-processor document inside its encrypted Y.Doc. */
export const TEXT_DOC = {
  /** Tiptap's ProseMirror content. */
  BODY: 'body',
  TITLE: 'title',
} as const;

export function textDocTitle(doc: Y.Doc): Y.Text {
  return doc.getText(TEXT_DOC.TITLE);
}

/** Replaces the title in one transaction, touching only what changed at the ends. */
export function setTextDocTitle(doc: Y.Doc, title: string): void {
  const t = textDocTitle(doc);
  const old = t.toString();
  if (old === title) return;
  let start = 0;
  while (start < old.length && start < title.length && old[start] === title[start]) start++;
  let end = 0;
  while (end < old.length - start && end < title.length - start && old[old.length - 1 - end] === title[title.length - 1 - end]) end++;
  doc.transact(() => {
    t.delete(start, old.length - start - end);
    t.insert(start, title.slice(start, title.length - end));
  });
}

import type { JSONContent } from '@tiptap/core';

const CHECKBOX = /^([☐☑☒])\s?/;
/** Nodes whose content is `block+`, so a task list may stand where a paragraph stood. */
const BLOCK_CONTAINERS = new Set(['blockquote', 'table', 'tableRow', 'tableCell', 'tableHeader']);

/**
 * Turns runs of paragraphs that start with ☐, ☑ or ☒ (how `exportDocx` writes
 * task items, and how people type checklists in Word) into task lists.
 */
export function tasksFromCheckboxParagraphs(doc: JSONContent): JSONContent {
  if (!doc.content) return doc;
  const content: JSONContent[] = [];
  for (const node of doc.content) {
    const checked = checkboxOf(node);
    if (checked === undefined) {
      content.push(BLOCK_CONTAINERS.has(node.type ?? '') ? tasksFromCheckboxParagraphs(node) : node);
      continue;
    }
    const item: JSONContent = { type: 'taskItem', attrs: { checked }, content: [stripCheckbox(node)] };
    const last = content[content.length - 1];
    if (last?.type === 'taskList') last.content!.push(item);
    else content.push({ type: 'taskList', content: [item] });
  }
  return { ...doc, content };
}

function checkboxOf(node: JSONContent): boolean | undefined {
  if (node.type !== 'paragraph') return undefined;
  const first = node.content?.[0];
  const match = first?.type === 'text' ? CHECKBOX.exec(first.text ?? '') : null;
  return match ? match[1] !== '☐' : undefined;
}

function stripCheckbox(paragraph: JSONContent): JSONContent {
  const [first, ...rest] = paragraph.content!;
  const text = first!.text!.replace(CHECKBOX, '');
  return { ...paragraph, content: text ? [{ ...first, text }, ...rest] : rest };
}

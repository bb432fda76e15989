import type { JSONContent } from '@tiptap/core';
import type { EncryptedImageAttrs } from '../EncryptedImageAttrs.ts';
import { buildImageAttrs } from './buildImageAttrs.ts';

type Mark = NonNullable<JSONContent['marks']>[number];
type Child = JSONContent | string;

const kids = (children: Child[]): JSONContent[] => children.map((c) => (typeof c === 'string' ? { type: 'text', text: c } : c));

/** Terse builders for ProseMirror JSON in tests. */
export const nodes = {
  doc: (...children: JSONContent[]): JSONContent => ({ type: 'doc', content: children }),
  p: (...children: Child[]): JSONContent => ({ type: 'paragraph', content: kids(children) }),
  h: (level: number, ...children: Child[]): JSONContent => ({ type: 'heading', attrs: { level }, content: kids(children) }),
  text: (text: string, ...marks: (Mark | string)[]): JSONContent =>
    marks.length ? { type: 'text', text, marks: marks.map((m) => (typeof m === 'string' ? { type: m } : m)) } : { type: 'text', text },
  link: (href: string): Mark => ({ type: 'link', attrs: { href } }),
  br: (): JSONContent => ({ type: 'hardBreak' }),
  ul: (...items: JSONContent[][]): JSONContent => ({ type: 'bulletList', content: items.map((c) => ({ type: 'listItem', content: c })) }),
  ol: (...items: JSONContent[][]): JSONContent => ({ type: 'orderedList', content: items.map((c) => ({ type: 'listItem', content: c })) }),
  tasks: (...items: [boolean, ...JSONContent[]][]): JSONContent => ({
    type: 'taskList',
    content: items.map(([checked, ...c]) => ({ type: 'taskItem', attrs: { checked }, content: c })),
  }),
  quote: (...children: JSONContent[]): JSONContent => ({ type: 'blockquote', content: children }),
  code: (text: string, language: string | null = null): JSONContent => ({ type: 'codeBlock', attrs: { language }, content: text ? [{ type: 'text', text }] : [] }),
  hr: (): JSONContent => ({ type: 'horizontalRule' }),
  image: (overrides: Partial<EncryptedImageAttrs> = {}): JSONContent => ({ type: 'encryptedImage', attrs: buildImageAttrs(overrides) }),
  table: (header: string[], ...rows: string[][]): JSONContent => ({
    type: 'table',
    content: [
      { type: 'tableRow', content: header.map((t) => ({ type: 'tableHeader', content: [nodes.p(...(t ? [t] : []))] })) },
      ...rows.map((r) => ({ type: 'tableRow', content: r.map((t) => ({ type: 'tableCell', content: [nodes.p(...(t ? [t] : []))] })) })),
    ],
  }),
};

import type { JSONContent } from '@tiptap/core';
import { safeHref } from './safeHref.ts';

/** Where the inline content sits: table cells and headings cannot hold line breaks. */
export interface MarkdownInlineContext {
  inTable?: boolean;
  inHeading?: boolean;
}

type OpenMark = { type: 'link'; href: string } | { type: 'bold' | 'italic' | 'strike' };

const ORDER = ['link', 'bold', 'italic', 'strike'] as const;
const DELIMITER = { bold: '**', italic: '*', strike: '~~' } as const;
const AT_LINE_START = /(^|\n)$/;

/**
 * Inline ProseMirror JSON (text with marks, hard breaks) as CommonMark/GFM.
 * Only link, bold, italic, strike and code survive; other marks keep their text.
 * Text is escaped so it reads back as the same text, including `==` and `++`,
 * which the importer reads as highlight and underline.
 */
export function renderMarkdownInline(nodes: readonly JSONContent[] | undefined, context: MarkdownInlineContext = {}): string {
  let out = '';
  const stack: OpenMark[] = [];
  // Whitespace at a mark boundary must sit outside the delimiters, so the end
  // of each text waits until we know whether marks close after it.
  let pendingSpace = '';

  const closeTo = (depth: number) => {
    while (stack.length > depth) out += closer(stack.pop()!, context);
  };
  const emitSpace = (lead: string) => {
    const space = pendingSpace + lead;
    pendingSpace = '';
    if (AT_LINE_START.test(out)) return; // leading spaces could turn a line into code
    out += space.includes('\n') ? '\n' : space;
  };

  for (const node of nodes ?? []) {
    if (node.type === 'hardBreak') {
      closeTo(0);
      pendingSpace = '';
      out += context.inTable ? '<br>' : context.inHeading ? ' ' : '\\\n';
      continue;
    }
    if (node.type !== 'text' || !node.text) continue;

    const { marks, code } = expressibleMarks(node);
    let text = node.text;
    if (context.inTable || context.inHeading) text = text.replace(/\n/g, ' ');
    const [, lead = '', core = '', trail = ''] = code ? ['', '', text, ''] : /^(\s*)([\s\S]*?)(\s*)$/.exec(text)!;
    if (!core) {
      pendingSpace += text;
      continue;
    }

    let keep = 0;
    while (keep < stack.length && marks.some((m) => sameMark(m, stack[keep]!))) keep++;
    closeTo(keep);
    emitSpace(lead);
    for (const mark of marks) {
      if (stack.some((open) => sameMark(open, mark))) continue;
      out += mark.type === 'link' ? '[' : DELIMITER[mark.type];
      stack.push(mark);
    }
    out += code ? codeSpan(core, context) : escapeText(core, AT_LINE_START.test(out), context);
    pendingSpace = trail;
  }
  closeTo(0);
  return out;
}

function expressibleMarks(node: JSONContent): { marks: OpenMark[]; code: boolean } {
  const marks: OpenMark[] = [];
  let code = false;
  for (const mark of node.marks ?? []) {
    if (mark.type === 'code') code = true;
    else if (mark.type === 'bold' || mark.type === 'italic' || mark.type === 'strike') marks.push({ type: mark.type });
    else if (mark.type === 'link') {
      const href = safeHref(mark.attrs?.href);
      if (href) marks.push({ type: 'link', href });
    }
  }
  marks.sort((a, b) => ORDER.indexOf(a.type) - ORDER.indexOf(b.type));
  return { marks, code };
}

function sameMark(a: OpenMark, b: OpenMark): boolean {
  return a.type === b.type && (a.type !== 'link' || a.href === (b as { href: string }).href);
}

function closer(mark: OpenMark, context: MarkdownInlineContext): string {
  if (mark.type !== 'link') return DELIMITER[mark.type];
  let href = mark.href;
  if (context.inTable) href = href.replace(/\|/g, '%7C');
  return /[\s()<>]/.test(href) ? `](<${href}>)` : `](${href})`;
}

function codeSpan(text: string, context: MarkdownInlineContext): string {
  let body = text.replace(/\n/g, ' ');
  if (context.inTable) body = body.replace(/\|/g, '\\|');
  const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = /^[` ]|[` ]$/.test(body) && body.trim() !== '' ? ' ' : '';
  return `${fence}${pad}${body}${pad}${fence}`;
}

function escapeText(text: string, atLineStart: boolean, context: MarkdownInlineContext): string {
  let s = text
    .replace(/[\\`*_[\]<~]/g, '\\$&')
    .replace(/&(?=#?[0-9a-z]+;)/gi, '\\&')
    .replace(/([=+])(?=\1)/g, '\\$1');
  if (context.inTable) s = s.replace(/\|/g, '\\|');
  if (context.inHeading) s = s.replace(/#/g, '\\#');
  return s
    .split('\n')
    .map((line, i, lines) => {
      const trimmed = i < lines.length - 1 ? line.trimEnd() : line; // two trailing spaces would be a hard break
      return i > 0 || atLineStart ? escapeLineStart(trimmed.trimStart()) : trimmed;
    })
    .join('\n');
}

/** What would make a line start a heading, list, quote, rule, setext underline or table. */
function escapeLineStart(line: string): string {
  return line
    .replace(/^#{1,6}(?=\s|$)/, '\\$&')
    .replace(/^[-+=>|:]/, '\\$&')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

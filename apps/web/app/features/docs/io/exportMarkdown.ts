import type { JSONContent } from '@tiptap/core';
import { renderMarkdownInline } from './renderMarkdownInline.ts';

/**
 * A document as GitHub-flavoured Markdown. Headings, bold, italic, strike, code,
 * links (http, https, mailto), bullet/numbered/task lists at any depth, quotes,
 * fenced code with its language, rules and tables survive; colour, highlight,
 * underline and alignment are dropped and their text kept. Table cells hold one
 * line each, so a cell's paragraphs are joined with `<br>`. Images stay in
 * Coffre: each becomes `![name](image)`, which names it without a real target.
 */
export function exportMarkdown(doc: JSONContent, options: { title?: string } = {}): string {
  const title = options.title?.trim();
  const parts = [title ? `# ${renderMarkdownInline([{ type: 'text', text: title }], { inHeading: true })}` : '', renderBlocks(doc.content)];
  const markdown = parts.filter(Boolean).join('\n\n');
  return markdown ? `${markdown}\n` : '';
}

/**
 * Blocks separated by blank lines, or in a list item (`tight`) with a nested
 * list right under its paragraph so the list stays tight.
 */
function renderBlocks(nodes: readonly JSONContent[] | undefined, tight = false): string {
  let out = '';
  let previousBullet: string | undefined;
  let previousKind: string | undefined;
  for (const node of nodes ?? []) {
    const kind = listKind(node);
    // Two lists in a row would merge into one unless the second uses another bullet.
    const bullet = kind && kind === previousKind ? OTHER_BULLET[previousBullet!]! : kind === 'ordered' ? '.' : '-';
    const md = renderBlock(node, bullet);
    if (!md) continue;
    if (out) out += tight && kind ? '\n' : '\n\n';
    out += md;
    previousKind = kind;
    previousBullet = bullet;
  }
  return out;
}

const OTHER_BULLET: Record<string, string> = { '-': '*', '*': '-', '.': ')', ')': '.' };

function listKind(node: JSONContent): 'ordered' | 'bullet' | undefined {
  if (node.type === 'orderedList') return 'ordered';
  return node.type === 'bulletList' || node.type === 'taskList' ? 'bullet' : undefined;
}

function renderBlock(node: JSONContent, bullet: string): string {
  switch (node.type) {
    case 'paragraph':
      return renderMarkdownInline(node.content);
    case 'heading': {
      const text = renderMarkdownInline(node.content, { inHeading: true });
      const level = Math.min(6, Math.max(1, Number(node.attrs?.level) || 1));
      return text && `${'#'.repeat(level)} ${text}`;
    }
    case 'blockquote':
      return prefixLines(renderBlocks(node.content), '> ', '> ');
    case 'codeBlock':
      return renderCodeBlock(node);
    case 'horizontalRule':
      return '---';
    case 'bulletList':
    case 'orderedList':
    case 'taskList':
      return renderList(node, bullet);
    case 'table':
      return renderTable(node);
    case 'encryptedImage':
      return renderImage(node);
    default:
      return renderBlocks(node.content);
  }
}

function renderImage(node: JSONContent, context: { inTable?: boolean } = {}): string {
  const alt = typeof node.attrs?.alt === 'string' ? node.attrs.alt : '';
  return `![${renderMarkdownInline([{ type: 'text', text: alt }], { inHeading: true, ...context })}](image)`;
}

function renderCodeBlock(node: JSONContent): string {
  const text = (node.content ?? []).map((child) => child.text ?? '').join('');
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  const language = String(node.attrs?.language ?? '').replace(/[^\w+#.-]/g, '');
  return `${fence}${language}\n${text}${text ? '\n' : ''}${fence}`;
}

function renderList(list: JSONContent, bullet: string): string {
  const start = Number(list.attrs?.start) || 1;
  return (list.content ?? [])
    .map((item, i) => {
      const marker = list.type === 'orderedList' ? `${start + i}${bullet}` : bullet;
      const task = item.type === 'taskItem' ? (item.attrs?.checked ? ' [x]' : ' [ ]') : '';
      const body = renderBlocks(item.content, true);
      return prefixLines(body, `${marker}${task} `, ' '.repeat(marker.length + 1)) || `${marker}${task}`;
    })
    .join('\n');
}

function prefixLines(text: string, first: string, rest: string): string {
  if (!text) return '';
  return text
    .split('\n')
    .map((line, i) => (line ? (i === 0 ? first : rest) + line : i === 0 ? first.trimEnd() : rest.trimEnd()))
    .join('\n');
}

function renderTable(table: JSONContent): string {
  const rows = (table.content ?? []).map((row) =>
    (row.content ?? []).flatMap((cell) => [renderCell(cell), ...Array<string>(span(cell) - 1).fill('')]),
  );
  if (rows.length === 0) return '';
  const width = Math.max(1, ...rows.map((row) => row.length));
  const line = (cells: string[]) => `| ${Array.from({ length: width }, (_, i) => cells[i] ?? '').join(' | ')} |`;
  const aligns = (table.content?.[0]?.content ?? []).flatMap((cell) => [cell.attrs?.align, ...Array<undefined>(span(cell) - 1).fill(undefined)]);
  const rule = Array.from({ length: width }, (_, i) => ({ left: ':---', center: ':---:', right: '---:' })[aligns[i] as string] ?? '---');
  return [line(rows[0]!), `| ${rule.join(' | ')} |`, ...rows.slice(1).map(line)].join('\n');
}

function span(cell: JSONContent): number {
  return Math.min(1000, Math.max(1, Math.trunc(Number(cell.attrs?.colspan)) || 1));
}

function renderCell(cell: JSONContent): string {
  return cellLines(cell.content).join('<br>');
}

/** A cell's blocks as lines of inline Markdown; lists become bullet characters. */
function cellLines(nodes: readonly JSONContent[] | undefined): string[] {
  const lines: string[] = [];
  for (const node of nodes ?? []) {
    if (node.type === 'paragraph' || node.type === 'heading') {
      const text = renderMarkdownInline(node.content, { inTable: true });
      if (text) lines.push(text);
    } else if (node.type === 'codeBlock') {
      const text = (node.content ?? []).map((child) => child.text ?? '').join('');
      if (text) lines.push(renderMarkdownInline([{ type: 'text', text, marks: [{ type: 'code' }] }], { inTable: true }));
    } else if (node.type === 'encryptedImage') {
      lines.push(renderImage(node, { inTable: true }));
    } else if (listKind(node)) {
      (node.content ?? []).forEach((item, i) => {
        const marker = node.type === 'orderedList' ? `${i + 1}. ` : item.type === 'taskItem' ? (item.attrs?.checked ? '☑ ' : '☐ ') : '• ';
        const [first = '', ...rest] = cellLines(item.content);
        lines.push(marker + first, ...rest.map((line) => `\u2003${line}`));
      });
    } else {
      lines.push(...cellLines(node.content));
    }
  }
  return lines;
}

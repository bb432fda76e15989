import type { JSONContent } from '@tiptap/core';
import { ExternalHyperlink, ShadingType, TextRun, type IRunOptions, type ParagraphChild } from 'docx';
import { cssColorToHex } from './cssColorToHex.ts';
import { DOCX_STYLES } from './docxStyles.ts';
import { safeHref } from './safeHref.ts';

/**
 * Inline ProseMirror JSON as Word runs: bold, italic, underline, strike, code,
 * text colour and highlight become run properties; consecutive text under one
 * safe link becomes one hyperlink.
 */
export function docxRuns(nodes: readonly JSONContent[] | undefined, base: IRunOptions = {}): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  let link: { href: string; runs: TextRun[] } | undefined;
  const flush = () => {
    if (link) out.push(new ExternalHyperlink({ link: link.href, children: link.runs }));
    link = undefined;
  };

  for (const node of nodes ?? []) {
    if (node.type === 'hardBreak') {
      (link?.runs ?? out).push(new TextRun({ ...base, break: 1 }));
      continue;
    }
    if (node.type !== 'text' || !node.text) continue;
    const { options, href } = runOptions(node, base);
    if (href && link?.href !== href) flush();
    if (!href) flush();
    // A newline inside text (a Markdown soft break) shows in the editor; Word needs a break for it.
    const runs = node.text.split('\n').map((part, i) => new TextRun({ ...options, text: part, ...(i ? { break: 1 } : {}), ...(href ? { style: 'Hyperlink' } : {}) }));
    if (href) (link ??= { href, runs: [] }).runs.push(...runs);
    else out.push(...runs);
  }
  flush();
  return out;
}

function runOptions(node: JSONContent, base: IRunOptions): { options: IRunOptions; href: string | null } {
  let options: IRunOptions = { ...base };
  let href: string | null = null;
  for (const mark of node.marks ?? []) {
    switch (mark.type) {
      case 'bold':
        options = { ...options, bold: true };
        break;
      case 'italic':
        options = { ...options, italics: true };
        break;
      case 'underline':
        options = { ...options, underline: {} };
        break;
      case 'strike':
        options = { ...options, strike: true };
        break;
      case 'code':
        options = { ...options, style: DOCX_STYLES.INLINE_CODE.id };
        break;
      case 'textStyle': {
        const color = cssColorToHex(mark.attrs?.color);
        if (color) options = { ...options, color: color.toUpperCase() };
        break;
      }
      case 'highlight': {
        // Word's own highlight has 16 colours; shading carries any colour.
        const fill = (cssColorToHex(mark.attrs?.color) ?? 'fde68a').toUpperCase();
        options = { ...options, shading: { type: ShadingType.CLEAR, color: 'auto', fill } };
        break;
      }
      case 'link':
        href = safeHref(mark.attrs?.href);
        break;
    }
  }
  return { options, href };
}

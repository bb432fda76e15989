import type { JSONContent } from '@tiptap/core';
import { bytesToBase64 } from './bytesToBase64.ts';
import { cssColorToHex } from './cssColorToHex.ts';
import { imageMarker } from './imageMarker.ts';
import { inspectImage } from './inspectImage.ts';
import { safeHref } from './safeHref.ts';

const STYLESHEET = `
body { font: 16px/1.6 Georgia, 'Times New Roman', serif; color: #1a1a1a; max-width: 42rem; margin: 2rem auto; padding: 0 1rem; }
h1, h2, h3, h4, h5, h6 { font-family: system-ui, sans-serif; line-height: 1.25; break-after: avoid; }
p, h1, h2, h3, h4, h5, h6 { white-space: pre-wrap; }
pre, code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 0.9em; }
pre { background: #f4f4f5; padding: 0.75rem 1rem; white-space: pre-wrap; overflow-wrap: anywhere; }
blockquote { margin-left: 0; padding-left: 1rem; border-left: 3px solid #d4d4d8; color: #3f3f46; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #a1a1aa; padding: 0.25rem 0.5rem; vertical-align: top; text-align: left; }
th { background: #f4f4f5; }
ul.task-list { list-style: none; padding-left: 1.25rem; }
ul.task-list > li > input { margin: 0 0.5rem 0 -1.25rem; }
hr { border: 0; border-top: 1px solid #a1a1aa; }
a { color: #1d4ed8; }
img { max-width: 100%; height: auto; }
.image-missing { color: #52525b; font-style: italic; }
@media print {
  body { max-width: none; margin: 0; font-size: 11pt; }
  a { color: inherit; }
  a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 0.85em; }
  pre, blockquote, tr, img { break-inside: avoid; }
}
`.trim();

/** Nothing in the file may load or run anything, even if an escape were missed; images are embedded as data: URLs. */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
const ALIGNMENTS = new Set(['left', 'center', 'right', 'justify']);

/**
 * A document as a standalone HTML page with a print stylesheet. Built from an
 * allow-list, never from the JSON's own attributes: all text is escaped, links
 * keep only http, https and mailto targets, colours must be plain hex or rgb(),
 * and a Content-Security-Policy forbids scripts and remote loads. Images are
 * embedded from `images` (decrypted bytes by file id, see `collectImageBytes`)
 * as data: URLs, typed by their own header; one missing there is a marker.
 */
export function exportHtml(doc: JSONContent, options: { title: string; lang?: string; images?: ReadonlyMap<string, Uint8Array> }): string {
  const title = options.title.trim() || 'Untitled document';
  const lang = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(options.lang ?? '') ? options.lang! : 'en';
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
${STYLESHEET}
</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
${renderNodes(doc.content, options.images ?? new Map())}
</body>
</html>
`;
}

type Images = ReadonlyMap<string, Uint8Array>;

function renderNodes(nodes: readonly JSONContent[] | undefined, images: Images): string {
  return (nodes ?? []).map((node) => renderNode(node, images)).join('');
}

function renderNode(node: JSONContent, images: Images): string {
  const inner = () => renderNodes(node.content, images);
  switch (node.type) {
    case 'text':
      return renderText(node);
    case 'hardBreak':
      return '<br>';
    case 'paragraph':
      return `<p${alignStyle(node)}>${inner()}</p>\n`;
    case 'heading': {
      const level = Math.min(6, Math.max(1, Number(node.attrs?.level) || 1));
      return `<h${level}${alignStyle(node)}>${inner()}</h${level}>\n`;
    }
    case 'blockquote':
      return `<blockquote>\n${inner()}</blockquote>\n`;
    case 'bulletList':
      return `<ul>\n${inner()}</ul>\n`;
    case 'orderedList': {
      const start = Math.trunc(Number(node.attrs?.start));
      return `<ol${Number.isFinite(start) && start !== 1 ? ` start="${start}"` : ''}>\n${inner()}</ol>\n`;
    }
    case 'taskList':
      return `<ul class="task-list">\n${inner()}</ul>\n`;
    case 'listItem':
      return `<li>${inner()}</li>\n`;
    case 'taskItem':
      return `<li><input type="checkbox" disabled${node.attrs?.checked ? ' checked' : ''}>${inner()}</li>\n`;
    case 'codeBlock': {
      const language = String(node.attrs?.language ?? '').replace(/[^\w+#.-]/g, '');
      const text = (node.content ?? []).map((child) => child.text ?? '').join('');
      return `<pre><code${language ? ` class="language-${language}"` : ''}>${escapeHtml(text)}</code></pre>\n`;
    }
    case 'horizontalRule':
      return '<hr>\n';
    case 'table':
      return `<table>\n${inner()}</table>\n`;
    case 'tableRow':
      return `<tr>${inner()}</tr>\n`;
    case 'tableHeader':
    case 'tableCell': {
      const tag = node.type === 'tableHeader' ? 'th' : 'td';
      return `<${tag}${span('colspan', node.attrs?.colspan)}${span('rowspan', node.attrs?.rowspan)}>${inner()}</${tag}>`;
    }
    case 'encryptedImage':
      return renderImage(node, images);
    default:
      return inner(); // unknown nodes keep their text
  }
}

function renderImage(node: JSONContent, images: Images): string {
  const bytes = images.get(String(node.attrs?.fileId));
  const info = bytes && inspectImage(bytes);
  if (!bytes || !info) return `<p class="image-missing">${escapeHtml(imageMarker(node.attrs?.alt))}</p>\n`;
  const alt = typeof node.attrs?.alt === 'string' ? node.attrs.alt : '';
  const width = Math.trunc(Number(node.attrs?.width));
  const sized = width > 0 && width <= 10_000 ? ` width="${width}"` : '';
  return `<p><img src="data:${info.mime};base64,${bytesToBase64(bytes)}" alt="${escapeHtml(alt)}"${sized}></p>\n`;
}

function renderText(node: JSONContent): string {
  let html = escapeHtml(node.text ?? '');
  let link: string | null = null;
  for (const mark of node.marks ?? []) {
    switch (mark.type) {
      case 'bold':
        html = `<strong>${html}</strong>`;
        break;
      case 'italic':
        html = `<em>${html}</em>`;
        break;
      case 'underline':
        html = `<u>${html}</u>`;
        break;
      case 'strike':
        html = `<s>${html}</s>`;
        break;
      case 'code':
        html = `<code>${html}</code>`;
        break;
      case 'highlight':
        html = `<mark style="background-color: #${cssColorToHex(mark.attrs?.color) ?? 'fde68a'}">${html}</mark>`;
        break;
      case 'textStyle': {
        const color = cssColorToHex(mark.attrs?.color);
        if (color) html = `<span style="color: #${color}">${html}</span>`;
        break;
      }
      case 'link':
        link = safeHref(mark.attrs?.href);
        break;
    }
  }
  return link ? `<a href="${escapeHtml(link)}" rel="noopener noreferrer">${html}</a>` : html;
}

function alignStyle(node: JSONContent): string {
  const align = node.attrs?.textAlign;
  return typeof align === 'string' && ALIGNMENTS.has(align) && align !== 'left' ? ` style="text-align: ${align}"` : '';
}

function span(name: string, value: unknown): string {
  const n = Math.trunc(Number(value));
  return Number.isFinite(n) && n > 1 ? ` ${name}="${Math.min(n, 1000)}"` : '';
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": '#39' }[c]};`);
}

import type { JSONContent } from '@tiptap/core';
import { generateJSON } from '@tiptap/html';
import mammoth from 'mammoth';
import { DOCX_STYLES } from './docxStyles.ts';
import { editorExtensions } from './editorExtensions.ts';
import { DocumentImportError } from './importError.ts';
import { inspectDocxZip } from './inspectDocxZip.ts';
import { tasksFromCheckboxParagraphs } from './tasksFromCheckboxParagraphs.ts';
import { toSchemaDoc } from './toSchemaDoc.ts';

export interface ImportedDocx {
  /** Text of the first paragraph in Word's "Title" style, which is taken out of the body. */
  title: string | null;
  doc: JSONContent;
}

/** Mammoth's defaults cover headings and lists; these add what `exportDocx` writes and common Word styles. */
const STYLE_MAP = [
  `p[style-name='${DOCX_STYLES.QUOTE.name}'] => blockquote > p:fresh`,
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
  `p[style-name='${DOCX_STYLES.CODE_BLOCK.name}'] => pre:separator('\\n')`,
  `r[style-name='${DOCX_STYLES.INLINE_CODE.name}'] => code`,
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Subtitle'] => h2:fresh",
  'u => u',
];

/**
 * A .docx as a document for the editor's schema, via mammoth's semantic HTML
 * and the schema's own HTML parsing (the DOM in a browser, happy-dom in Node).
 * Formatting the schema has no place for (fonts, colours, images, comments) is
 * dropped; the text stays. Nothing is applied: the caller replaces the body
 * with `doc` in one transaction.
 * @throws DocumentImportError `TOO_LARGE`, `UNSUPPORTED_FILE` or `MALFORMED_FILE`.
 */
export async function importDocx(bytes: Uint8Array): Promise<ImportedDocx> {
  inspectDocxZip(bytes);
  let title: string | null = null;
  let html: string;
  try {
    const arrayBuffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    // Node's mammoth reads `buffer`, the browser build `arrayBuffer`.
    const input = { arrayBuffer, buffer: bytes as never };
    const result = await mammoth.convertToHtml(input, {
      styleMap: STYLE_MAP,
      includeEmbeddedStyleMap: false, // a file does not get to choose how it is read
      externalFileAccess: false,
      convertImage: mammoth.images.imgElement(async () => ({ src: '' })), // images arrive later, as encrypted blobs
      transformDocument: (document: unknown) => {
        title = takeTitle(document);
        return document;
      },
    });
    html = result.value;
  } catch {
    throw new DocumentImportError('MALFORMED_FILE', 'This file is damaged or is not a Word .docx document.');
  }
  return { title, doc: toSchemaDoc(tasksFromCheckboxParagraphs(generateJSON(html, editorExtensions()))) };
}

interface MammothElement {
  type: string;
  styleName?: string | null;
  value?: string;
  children?: MammothElement[];
}

/** Removes the first "Title" paragraph from mammoth's document tree and returns its text. */
function takeTitle(root: unknown): string | null {
  const stack = [root as MammothElement];
  while (stack.length) {
    const element = stack.pop()!;
    if (element.type === 'paragraph' && element.styleName === 'Title') {
      const text = textOf(element).trim();
      element.children = []; // an empty paragraph, which mammoth leaves out
      return text || null;
    }
    stack.push(...[...(element.children ?? [])].reverse());
  }
  return null;
}

function textOf(element: MammothElement): string {
  if (element.type === 'text') return element.value ?? '';
  if (element.type === 'break' || element.type === 'tab') return ' ';
  return (element.children ?? []).map(textOf).join('');
}

import type { JSONContent } from '@tiptap/core';
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
  type ILevelsOptions,
  type IParagraphOptions,
} from 'docx';
import { docxRuns } from './docxRuns.ts';
import { DOCX_STYLES } from './docxStyles.ts';
import type { ImageMime } from './imageLimits.ts';
import { imageMarker } from './imageMarker.ts';
import { inspectImage } from './inspectImage.ts';

export const DOCX_MIME_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A4 with 2.5 cm margins, in twentieths of a point. */
const TEXT_WIDTH_TWIPS = 11906 - 2 * 1418;
const INDENT_TWIPS = 720;
/** docx sizes images in pixels at 96 dpi. */
const TWIPS_PER_PIXEL = 15;
/** Word has no WebP; the browser redraws those as PNG before export (see imageBytesForExport). */
const DOCX_IMAGE_TYPES: Partial<Record<ImageMime, 'png' | 'jpg' | 'gif'>> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif' };
const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6];
const ALIGNMENT: Record<string, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
};

interface Context {
  /** List depth, 0 outside lists. */
  depth: number;
  quote: boolean;
  /** Numbering of the enclosing ordered list, shared by its nested ordered lists. */
  ordered?: { reference: string; instance: number };
  /** The first paragraph of a list item carries its bullet, number or checkbox. */
  marker?: Pick<IParagraphOptions, 'bullet' | 'numbering'> & { checkbox?: string };
}

/**
 * A document as a .docx file: title, headings, paragraphs with bold, italic,
 * underline, strike, code, colour, highlight and alignment, bullet, numbered
 * and task lists (☐/☑), links, quotes, monospace code blocks, tables and rules.
 * Images are embedded from `images` (decrypted bytes by file id, see
 * `collectImageBytes`), scaled to fit the text width; one missing there, or of
 * a type Word cannot show, is a text marker.
 */
export async function exportDocx(doc: JSONContent, options: { title: string; images?: ReadonlyMap<string, Uint8Array> }): Promise<Uint8Array> {
  const title = options.title.trim();
  const numbering = new Map<string, number>(); // reference → start
  let instances = 0;

  const blocks = (nodes: readonly JSONContent[] | undefined, ctx: Context): FileChild[] => {
    const out: FileChild[] = [];
    for (const node of nodes ?? []) {
      out.push(...block(node, ctx));
      ctx = { ...ctx, marker: undefined }; // only the item's first paragraph gets the marker
    }
    return out;
  };

  const paragraph = (node: JSONContent, ctx: Context, extra: IParagraphOptions = {}): Paragraph => {
    const { checkbox, ...marker } = ctx.marker ?? {};
    const children = docxRuns(node.content);
    if (checkbox) children.unshift(new TextRun(`${checkbox} `));
    const align = ALIGNMENT[String(node.attrs?.textAlign)];
    return new Paragraph({
      children,
      ...(align ? { alignment: align } : {}),
      ...(ctx.quote ? { style: DOCX_STYLES.QUOTE.id } : {}),
      ...(ctx.depth && !ctx.marker?.bullet && !ctx.marker?.numbering ? { indent: { left: INDENT_TWIPS * ctx.depth } } : {}),
      ...marker,
      ...extra,
    });
  };

  const image = (node: JSONContent, ctx: Context): Paragraph => {
    const bytes = options.images?.get(String(node.attrs?.fileId));
    const info = bytes && inspectImage(bytes);
    const type = info && DOCX_IMAGE_TYPES[info.mime];
    if (!bytes || !info || !type) return paragraph({ content: [{ type: 'text', text: imageMarker(node.attrs?.alt) }] }, ctx);
    const alt = typeof node.attrs?.alt === 'string' ? node.attrs.alt : '';
    const room = Math.floor((TEXT_WIDTH_TWIPS - INDENT_TWIPS * ctx.depth) / TWIPS_PER_PIXEL);
    const asked = Math.trunc(Number(node.attrs?.width));
    const width = Math.min(info.width, room, asked > 0 ? asked : Infinity);
    const height = Math.max(1, Math.round((info.height * width) / info.width));
    const run = new ImageRun({ type, data: bytes, transformation: { width, height }, altText: { name: alt || 'Image', description: alt, title: alt } });
    return paragraph({}, ctx, { children: [run] });
  };

  const list = (node: JSONContent, ctx: Context): FileChild[] => {
    let ordered = ctx.ordered;
    if (node.type === 'orderedList' && !ordered) {
      const start = Math.max(0, Math.trunc(Number(node.attrs?.start)) || 1);
      const reference = `ordered-${start}`;
      numbering.set(reference, start);
      ordered = { reference, instance: ++instances };
    }
    const depth = ctx.depth + 1;
    const level = Math.min(8, depth - 1);
    return (node.content ?? []).flatMap((item) => {
      const marker: Context['marker'] =
        node.type === 'orderedList' ? { numbering: { reference: ordered!.reference, level, instance: ordered!.instance } }
        : node.type === 'taskList' ? { checkbox: item.attrs?.checked ? '☑' : '☐' }
        : { bullet: { level } };
      const itemCtx: Context = { depth, quote: ctx.quote, marker, ...(node.type === 'orderedList' ? { ordered } : {}) };
      const children = blocks(item.content, itemCtx);
      return children.length ? children : [paragraph({}, itemCtx)];
    });
  };

  const block = (node: JSONContent, ctx: Context): FileChild[] => {
    switch (node.type) {
      case 'paragraph':
        return [paragraph(node, ctx)];
      case 'heading': {
        const level = Math.min(6, Math.max(1, Number(node.attrs?.level) || 1));
        return [paragraph(node, ctx, { heading: HEADINGS[level - 1]! })];
      }
      case 'blockquote':
        return blocks(node.content, { ...ctx, quote: true });
      case 'bulletList':
      case 'orderedList':
      case 'taskList':
        return list(node, ctx);
      case 'codeBlock': {
        const text = (node.content ?? []).map((child) => child.text ?? '').join('');
        return text.split('\n').map((line) => paragraph({ content: line ? [{ type: 'text', text: line }] : [] }, { ...ctx, quote: false }, { style: DOCX_STYLES.CODE_BLOCK.id }));
      }
      case 'horizontalRule':
        return [new Paragraph({ border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: 'A1A1AA', space: 1 } } })];
      case 'table':
        return table(node) ?? [];
      case 'encryptedImage':
        return [image(node, ctx)];
      default:
        return blocks(node.content, ctx);
    }
  };

  const table = (node: JSONContent): FileChild[] | undefined => {
    const rows = node.content ?? [];
    const columns = Math.max(0, ...rows.map((row) => (row.content ?? []).reduce((n, cell) => n + span(cell.attrs?.colspan), 0)));
    if (!columns) return undefined;
    const width = Math.floor(TEXT_WIDTH_TWIPS / columns);
    return [
      new Table({
        width: { size: width * columns, type: WidthType.DXA },
        columnWidths: Array<number>(columns).fill(width),
        rows: rows.map((row) => {
          const cells = row.content ?? [];
          // Only say "header" when it is one: readers take any tblHeader element as true.
          const header = cells.length > 0 && cells.every((cell) => cell.type === 'tableHeader');
          return new TableRow({
            ...(header ? { tableHeader: true } : {}),
            children: cells.map((cell) => {
              const colspan = span(cell.attrs?.colspan);
              const content = blocks(cell.content, { depth: 0, quote: false });
              return new TableCell({
                children: content.length ? (content as (Paragraph | Table)[]) : [new Paragraph({})],
                width: { size: width * colspan, type: WidthType.DXA },
                ...(colspan > 1 ? { columnSpan: colspan } : {}),
                ...(span(cell.attrs?.rowspan) > 1 ? { rowSpan: span(cell.attrs?.rowspan) } : {}),
                ...(cell.type === 'tableHeader' ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'F4F4F5' } } : {}),
              });
            }),
          });
        }),
      }),
    ];
  };

  const body = blocks(doc.content, { depth: 0, quote: false });
  const document = new Document({
    ...(title ? { title } : {}),
    styles: {
      paragraphStyles: [
        {
          id: DOCX_STYLES.QUOTE.id,
          name: DOCX_STYLES.QUOTE.name,
          basedOn: 'Normal',
          next: 'Normal',
          run: { italics: true, color: '3F3F46' },
          paragraph: { indent: { left: INDENT_TWIPS }, border: { left: { style: BorderStyle.SINGLE, size: 12, color: 'D4D4D8', space: 8 } } },
        },
        {
          id: DOCX_STYLES.CODE_BLOCK.id,
          name: DOCX_STYLES.CODE_BLOCK.name,
          basedOn: 'Normal',
          run: { font: 'Consolas', size: 20 },
          paragraph: { spacing: { before: 0, after: 0 }, shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'F4F4F5' } },
        },
      ],
      characterStyles: [{ id: DOCX_STYLES.INLINE_CODE.id, name: DOCX_STYLES.INLINE_CODE.name, basedOn: 'DefaultParagraphFont', run: { font: 'Consolas' } }],
    },
    numbering: { config: [...numbering].map(([reference, start]) => ({ reference, levels: orderedLevels(start) })) },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1418, bottom: 1418, left: 1418, right: 1418 } } },
        children: [...(title ? [new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(title)] })] : []), ...body],
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(document));
}

function span(value: unknown): number {
  const n = Math.trunc(Number(value));
  return Number.isFinite(n) && n > 1 ? Math.min(n, 1000) : 1;
}

function orderedLevels(start: number): ILevelsOptions[] {
  const formats = [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN];
  return Array.from({ length: 9 }, (_, level) => ({
    level,
    format: formats[level % 3]!,
    text: `%${level + 1}.`,
    start: level === 0 ? start : 1,
    alignment: AlignmentType.START,
    style: { paragraph: { indent: { left: INDENT_TWIPS * (level + 1), hanging: 360 } } },
  }));
}

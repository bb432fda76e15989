import { describe, expect, it } from 'vitest';
import { exportDocx } from './exportDocx.ts';
import { buildImageAttrs } from './testing/buildImageAttrs.ts';
import { buildPng } from './testing/buildPng.ts';
import { buildSampleDoc } from './testing/buildSampleDoc.ts';
import { nodes as n } from './testing/nodes.ts';
import { zipEntries } from './testing/zipEntries.ts';

async function documentXml(doc: Parameters<typeof exportDocx>[0], title = 'Plan'): Promise<string> {
  return zipEntries(await exportDocx(doc, { title })).get('word/document.xml')!;
}

describe('exportDocx', () => {
  it('writes a .docx package with the title as the Title paragraph and document property', async () => {
    const files = zipEntries(await exportDocx(buildSampleDoc(), { title: 'Quarterly <plan>' }));
    expect(files.has('[Content_Types].xml')).toBe(true);
    expect(files.get('word/document.xml')).toMatch(/<w:pStyle w:val="Title"\/><\/w:pPr><w:r><w:t xml:space="preserve">Quarterly &lt;plan&gt;<\/w:t>/);
    expect(files.get('docProps/core.xml')).toContain('<dc:title>Quarterly &lt;plan&gt;</dc:title>');
  });

  it('writes headings, lists, quotes, code, rules and tables with the styles importDocx reads back', async () => {
    const xml = await documentXml(buildSampleDoc());
    expect(xml).toContain('<w:pStyle w:val="Heading1"/>');
    expect(xml).toContain('<w:pStyle w:val="Heading2"/>');
    expect(xml).toMatch(/<w:ilvl w:val="1"\/><w:numId w:val="\d+"\/><\/w:numPr><\/w:pPr><w:r><w:t xml:space="preserve">nested bullet/);
    expect(xml).toContain('<w:t xml:space="preserve">☐ </w:t></w:r><w:r><w:t xml:space="preserve">open task');
    expect(xml).toContain('<w:t xml:space="preserve">☑ </w:t></w:r><w:r><w:t xml:space="preserve">done task');
    expect(xml).toMatch(/<w:pStyle w:val="Quote"\/>.*A quoted line/);
    expect(xml).toMatch(/<w:pStyle w:val="CodeBlock"\/><\/w:pPr><w:r><w:t xml:space="preserve">const answer = 42;<\/w:t>/);
    expect(xml).toMatch(/<w:pBdr><w:bottom w:val="single"/);
    expect(xml).toMatch(/<w:tbl>.*<w:tblHeader\/>.*Name.*Grace.*Admiral.*<\/w:tbl>/);
    expect(xml.match(/<w:tblHeader/g)).toHaveLength(1);
  });

  it('writes run formatting: bold, italic, underline, strike, code, colour, highlight, alignment', async () => {
    const xml = await documentXml(
      n.doc({
        type: 'paragraph',
        attrs: { textAlign: 'center' },
        content: [
          n.text('b', 'bold'),
          n.text('i', 'italic'),
          n.text('u', 'underline'),
          n.text('s', 'strike'),
          n.text('c', 'code'),
          n.text('red', { type: 'textStyle', attrs: { color: '#b42318' } }),
          n.text('hl', { type: 'highlight', attrs: { color: '#fde68a' } }),
          n.text('bad', { type: 'textStyle', attrs: { color: 'red"/><w:evil' } }),
        ],
      }),
    );
    expect(xml).toContain('<w:jc w:val="center"/>');
    for (const rPr of ['<w:b/><w:bCs/>', '<w:i/><w:iCs/>', '<w:u w:val="single"/>', '<w:strike/>', '<w:rStyle w:val="InlineCode"/>', '<w:color w:val="B42318"/>', '<w:shd w:fill="FDE68A" w:color="auto" w:val="clear"/>']) {
      expect(xml).toContain(rPr);
    }
    expect(xml).not.toContain('w:evil');
  });

  it('writes safe links as hyperlinks and unsafe ones as text', async () => {
    const files = zipEntries(await exportDocx(n.doc(n.p(n.text('good', n.link('https://example.com/a')), n.text('bad', n.link('javascript:alert(1)')))), { title: '' }));
    expect(files.get('word/document.xml')).toMatch(/<w:hyperlink [^>]*r:id="[^"]+"[^>]*><w:r><w:rPr><w:rStyle w:val="Hyperlink"\/><\/w:rPr><w:t xml:space="preserve">good/);
    expect(files.get('word/_rels/document.xml.rels')).toContain('Target="https://example.com/a" TargetMode="External"');
    expect([...files.values()].join('')).not.toContain('javascript:');
  });

  it('restarts numbering for each separate numbered list and honours its start', async () => {
    const files = zipEntries(await exportDocx(n.doc(n.ol([n.p('a')]), n.p('between'), n.ol([n.p('b')]), { type: 'orderedList', attrs: { start: 5 }, content: [{ type: 'listItem', content: [n.p('e')] }] }), { title: '' }));
    const ids = [...files.get('word/document.xml')!.matchAll(/<w:numId w:val="(\d+)"\/>/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(3);
    expect(files.get('word/numbering.xml')).toContain('<w:startOverride w:val="5"/>');
  });

  it('turns newlines inside text into line breaks', async () => {
    expect(await documentXml(n.doc(n.p('one\ntwo')))).toContain('<w:r><w:t xml:space="preserve">one</w:t></w:r><w:r><w:br/><w:t xml:space="preserve">two</w:t></w:r>');
  });

  it('embeds images with their alt text, scaled to fit the page, and never writes their key', async () => {
    const wide = buildPng({ width: 1208, height: 100 });
    const small = buildPng({ width: 40, height: 30 });
    const doc = n.doc(n.image({ alt: 'Wide <chart>' }), n.image({ fileId: 'smallFile0123456789ab', alt: 'small', width: 20 }));
    const bytes = await exportDocx(doc, { title: 't', images: new Map([['imgFile0123456789abcd', wide], ['smallFile0123456789ab', small]]) });
    const files = zipEntries(bytes);
    const xml = files.get('word/document.xml')!;
    expect(xml.match(/<w:drawing>/g)).toHaveLength(2);
    expect(xml).toMatch(/<wp:docPr [^>]*descr="Wide &lt;chart&gt;"/);
    // 604 px (the A4 text width) wide keeps the 1208×100 aspect ratio; the small one keeps the width asked for.
    expect(xml).toContain(`<wp:extent cx="${604 * 9525}" cy="${50 * 9525}"/>`);
    expect(xml).toContain(`<wp:extent cx="${20 * 9525}" cy="${15 * 9525}"/>`);
    expect([...files.keys()].filter((name) => /^word\/media\/.+\.png$/.test(name))).toHaveLength(2);
    expect(files.get('[Content_Types].xml')).toContain('Extension="png"');
    expect(Buffer.from(bytes).includes(Buffer.from(buildImageAttrs().key))).toBe(false);
    expect([...files.values()].join('')).not.toContain(buildImageAttrs().key);
  });

  it('writes a text marker for an image without bytes, with bytes that are not an image, or in WebP', async () => {
    const webp = new Uint8Array([...Buffer.from('RIFF\0\0\0\0WEBPVP8X\0\0\0\0\0\0\0\0'), 9, 0, 0, 9, 0, 0]);
    const doc = n.doc(n.image({ alt: 'gone.png' }), n.image({ fileId: 'htmlFile0123456789abc', alt: '' }), n.image({ fileId: 'webpFile0123456789abc', alt: 'photo.webp', mime: 'image/webp' }));
    const images = new Map([['htmlFile0123456789abc', new TextEncoder().encode('<html>')], ['webpFile0123456789abc', webp]]);
    const files = zipEntries(await exportDocx(doc, { title: '', images }));
    const xml = files.get('word/document.xml')!;
    for (const marker of ['[Image: gone.png]', '[Image]', '[Image: photo.webp]']) expect(xml).toContain(`<w:t xml:space="preserve">${marker}</w:t>`);
    expect(xml).not.toContain('<w:drawing>');
    expect([...files.keys()].some((name) => name.startsWith('word/media/'))).toBe(false);
  });
});

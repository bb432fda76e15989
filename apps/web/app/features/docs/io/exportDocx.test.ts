import { describe, expect, it } from 'vitest';
import { exportDocx } from './exportDocx.ts';
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
});

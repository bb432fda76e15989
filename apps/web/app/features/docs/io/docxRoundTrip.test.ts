import { describe, expect, it } from 'vitest';
import { exportDocx } from './exportDocx.ts';
import { importDocx } from './importDocx.ts';
import { buildPng } from './testing/buildPng.ts';
import { buildSampleDoc } from './testing/buildSampleDoc.ts';
import { nodes as n } from './testing/nodes.ts';
import { toSchemaDoc } from './toSchemaDoc.ts';

describe('JSON → DOCX → JSON', () => {
  it('keeps the title, headings, marks, links, lists, tasks, quotes, code and tables', async () => {
    const doc = buildSampleDoc();
    const imported = await importDocx(await exportDocx(doc, { title: 'Quarterly plan' }));
    expect(imported.title).toBe('Quarterly plan');
    // Word has no code language and mammoth drops rules; everything else comes back as it was.
    const expected = {
      ...doc,
      content: doc.content!.filter((node) => node.type !== 'horizontalRule').map((node) => (node.type === 'codeBlock' ? { ...node, attrs: { language: null } } : node)),
    };
    expect(imported.doc).toEqual(toSchemaDoc(expected));
  });

  it('keeps underline and mixed bold-italic runs, and drops colour and highlight but not their text', async () => {
    const doc = n.doc(n.p(n.text('both', 'bold', 'italic'), ' ', n.text('under', 'underline'), ' ', n.text('red', { type: 'textStyle', attrs: { color: '#b42318' } }), n.text('marked', { type: 'highlight', attrs: { color: '#fde68a' } })));
    const { title, doc: back } = await importDocx(await exportDocx(doc, { title: '' }));
    expect(title).toBeNull();
    expect(back).toEqual(toSchemaDoc(n.doc(n.p(n.text('both', 'bold', 'italic'), ' ', n.text('under', 'underline'), ' redmarked'))));
  });

  it('keeps numbered lists nested in bullets and tables with empty cells', async () => {
    const doc = n.doc(n.ul([n.p('outer'), n.ol([n.p('inner one')], [n.p('inner two')])]), n.table(['a', ''], ['', 'd']));
    const { doc: back } = await importDocx(await exportDocx(doc, { title: '' }));
    expect(back).toEqual(toSchemaDoc(doc));
  });

  it('skips embedded images on the way back in and keeps the text around them', async () => {
    const doc = n.doc(n.p('before'), n.image(), n.p('after'));
    const { doc: back } = await importDocx(await exportDocx(doc, { title: '', images: new Map([['imgFile0123456789abcd', buildPng()]]) }));
    expect(JSON.stringify(back)).not.toMatch(/encryptedImage|data:image/);
    expect(back.content!.map((node) => node.content?.[0]?.text)).toEqual(expect.arrayContaining(['before', 'after']));
  });
});

import { describe, expect, it } from 'vitest';
import { DocumentImportError } from './importError.ts';
import { nodes as n } from './testing/nodes.ts';
import { toSchemaDoc } from './toSchemaDoc.ts';

describe('toSchemaDoc', () => {
  it('fills default attributes', () => {
    expect(toSchemaDoc(n.doc(n.h(2, 'Hi')))).toEqual({ type: 'doc', content: [{ type: 'heading', attrs: { level: 2, textAlign: null }, content: [{ type: 'text', text: 'Hi' }] }] });
  });

  it('gives an empty import one empty paragraph, as the schema needs', () => {
    expect(toSchemaDoc({ type: 'doc', content: [] })).toEqual({ type: 'doc', content: [{ type: 'paragraph', attrs: { textAlign: null } }] });
  });

  it.each([
    ['an unknown node', n.doc({ type: 'video' })],
    ['a list item outside a list', n.doc({ type: 'listItem', content: [n.p('x')] })],
    ['an empty text node', n.doc(n.p(''))],
  ])('refuses %s with MALFORMED_FILE', (_, doc) => {
    expect(() => toSchemaDoc(doc)).toThrow(expect.objectContaining({ code: 'MALFORMED_FILE' }));
    expect(() => toSchemaDoc(doc)).toThrow(DocumentImportError);
  });
});

describe('toSchemaDoc links', () => {
  it('drops links the editor would not allow and keeps their text', () => {
    const doc = toSchemaDoc(n.doc(n.p(n.text('bad', n.link('javascript:alert(1)'), 'bold'), n.text('good', n.link('https://example.com')))));
    expect(doc.content![0]!.content).toEqual([
      { type: 'text', text: 'bad', marks: [{ type: 'bold' }] },
      { type: 'text', text: 'good', marks: [{ type: 'link', attrs: expect.objectContaining({ href: 'https://example.com/' }) }] },
    ]);
  });
});

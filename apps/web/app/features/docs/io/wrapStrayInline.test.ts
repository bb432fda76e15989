import { describe, expect, it } from 'vitest';
import { nodes as n } from './testing/nodes.ts';
import { wrapStrayInline } from './wrapStrayInline.ts';

describe('wrapStrayInline', () => {
  it('puts inline nodes found among blocks into paragraphs, at any depth', () => {
    const stray = n.doc(n.p('a'), n.text('loose'), n.text(' more', 'bold'), n.hr(), n.quote(n.text('quoted')), n.ul([n.text('item')]));
    expect(wrapStrayInline(stray)).toEqual(n.doc(n.p('a'), n.p('loose', n.text(' more', 'bold')), n.hr(), n.quote(n.p('quoted')), n.ul([n.p('item')])));
  });

  it('leaves well-formed content as it is', () => {
    const doc = n.doc(n.h(1, 'x'), n.p('a', n.br(), 'b'), n.table(['h'], ['c']), n.code('x'));
    expect(wrapStrayInline(doc)).toEqual(doc);
  });
});

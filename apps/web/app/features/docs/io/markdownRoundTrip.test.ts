import { describe, expect, it } from 'vitest';
import { exportMarkdown } from './exportMarkdown.ts';
import { importMarkdown } from './importMarkdown.ts';
import { buildSampleDoc } from './testing/buildSampleDoc.ts';
import { nodes as n } from './testing/nodes.ts';
import { toSchemaDoc } from './toSchemaDoc.ts';

const roundTrip = (doc: Parameters<typeof exportMarkdown>[0]) => importMarkdown(exportMarkdown(doc));

describe('JSON → Markdown → JSON', () => {
  it('keeps headings, marks, links, nested and task lists, quotes, code and tables exactly', () => {
    const doc = buildSampleDoc();
    expect(roundTrip(doc)).toEqual(toSchemaDoc(doc));
  });

  it('keeps text that looks like Markdown as text', () => {
    const doc = n.doc(
      n.p('# not a heading'),
      n.p('1. not a list'),
      n.p('2 * 3 * 4, _snake_case_, `ticks`, [brackets](x), <b>tags</b>, &amp; and a == b == c, C++ / C++'),
      n.p('back\\slash ~~tilde~~ | pipe'),
      n.p('line one', n.br(), '---'),
    );
    expect(roundTrip(doc)).toEqual(toSchemaDoc(doc));
  });

  it('keeps overlapping marks, spaces at mark edges and code with backticks', () => {
    const doc = n.doc(n.p('a', n.text(' bold ', 'bold'), n.text('both', 'bold', 'italic'), ' and ', n.text('x `y` z', 'code'), ' ', n.text('link', n.link('https://example.com/a_(b)'))));
    expect(roundTrip(doc)).toEqual(
      toSchemaDoc(n.doc(n.p('a ', n.text('bold ', 'bold'), n.text('both', 'bold', 'italic'), ' and ', n.text('x `y` z', 'code'), ' ', n.text('link', n.link('https://example.com/a_(b)'))))),
    );
  });

  it('keeps adjacent lists apart, ordered starts and tasks nested in tasks', () => {
    const doc = n.doc(
      n.ul([n.p('a')]),
      n.ul([n.p('b')]),
      { type: 'orderedList', attrs: { start: 4 }, content: [{ type: 'listItem', content: [n.p('four')] }] },
      n.tasks([false, n.p('parent'), n.tasks([true, n.p('child')])]),
    );
    expect(roundTrip(doc)).toEqual(toSchemaDoc(doc));
  });

  it('keeps table cells with pipes and a code block holding a fence', () => {
    const doc = n.doc(n.table(['a|b', 'c'], ['', 'x']), n.code('```js\nfence\n```', 'markdown'));
    expect(roundTrip(doc)).toEqual(toSchemaDoc(doc));
  });

  it('reads an exported image back as its name, and never as an image to fetch', () => {
    const doc = n.doc(n.p('before'), n.image({ alt: 'plan [v2].png' }), n.quote(n.image({ alt: 'quoted.png' })), n.p('after'));
    expect(roundTrip(doc)).toEqual(toSchemaDoc(n.doc(n.p('before'), n.p('plan [v2].png'), n.quote(n.p('quoted.png')), n.p('after'))));
    expect(importMarkdown('![remote](https://tracker.example/p.png)\n\nx ![inline](https://tracker.example/q.png) y')).toEqual(toSchemaDoc(n.doc(n.p('remote'), n.p('x inline y'))));
  });
});

import { describe, expect, it } from 'vitest';
import { exportMarkdown } from './exportMarkdown.ts';
import { buildImageAttrs } from './testing/buildImageAttrs.ts';
import { buildSampleDoc } from './testing/buildSampleDoc.ts';
import { nodes as n } from './testing/nodes.ts';

describe('exportMarkdown', () => {
  it('writes every supported block as GFM', () => {
    expect(exportMarkdown(buildSampleDoc(), { title: 'Plan' })).toBe(
      [
        '# Plan',
        '# Quarterly plan',
        'Plain, **bold**, *italic*, ~~struck~~, `x = 1` and [a link](https://example.com/page).',
        '## Lists',
        '- first bullet\n  - nested bullet\n- second bullet',
        '1. step one\n2. step two',
        '- [ ] open task\n- [x] done task',
        '> A quoted line',
        '```ts\nconst answer = 42;\nconsole.log(answer);\n```',
        '---',
        '| Name | Role |\n| --- | --- |\n| Ada | Engineer |\n| Grace | Admiral |',
      ].join('\n\n') + '\n',
    );
  });

  it('indents what belongs to a list item by its marker', () => {
    const doc = n.doc({ type: 'orderedList', attrs: { start: 9 }, content: [{ type: 'listItem', content: [n.p('nine'), n.p('more'), n.code('x')] }, { type: 'listItem', content: [n.p('ten'), n.tasks([true, n.p('sub task')])] }] });
    expect(exportMarkdown(doc)).toBe('9. nine\n\n   more\n\n   ```\n   x\n   ```\n10. ten\n    - [x] sub task\n');
  });

  it('keeps two lists in a row apart by switching the bullet', () => {
    expect(exportMarkdown(n.doc(n.ul([n.p('a')]), n.ul([n.p('b')]), n.ol([n.p('c')]), n.ol([n.p('d')])))).toBe('- a\n\n* b\n\n1. c\n\n1) d\n');
  });

  it('quotes nested blocks line by line', () => {
    expect(exportMarkdown(n.doc(n.quote(n.p('one'), n.ul([n.p('two')]))))).toBe('> one\n>\n> - two\n');
  });

  it('fences code longer than any backtick run inside it, and cleans the language', () => {
    expect(exportMarkdown(n.doc(n.code('```\ninner\n```', 'md"><script>')))).toBe('````mdscript\n```\ninner\n```\n````\n');
  });

  it('writes tables with one line per cell, escaped pipes, spans and alignment', () => {
    const doc = n.doc({
      type: 'table',
      content: [
        { type: 'tableRow', content: [{ type: 'tableHeader', attrs: { colspan: 2, align: 'center' }, content: [n.p('wide')] }, { type: 'tableHeader', attrs: { align: 'right' }, content: [n.p('r')] }] },
        { type: 'tableRow', content: [{ type: 'tableCell', content: [n.p('a|b'), n.p('second')] }, { type: 'tableCell', content: [n.ul([n.p('item')])] }, { type: 'tableCell', content: [n.p()] }] },
      ],
    });
    expect(exportMarkdown(doc)).toBe('| wide |  | r |\n| :---: | --- | ---: |\n| a\\|b<br>second | • item |  |\n');
  });

  it('marks each image as `![name](image)`: the image itself stays in Coffre, its key never leaves', () => {
    const doc = n.doc(n.p('see'), n.image({ alt: 'a [b] *c*.png' }), n.image({ alt: '' }), n.ul([n.image({ alt: 'in list' })]), {
      type: 'table',
      content: [{ type: 'tableRow', content: [{ type: 'tableCell', content: [n.p('x'), n.image({ alt: 'in | cell' })] }] }],
    });
    const md = exportMarkdown(doc);
    expect(md).toBe('see\n\n![a \\[b\\] \\*c\\*.png](image)\n\n![](image)\n\n- ![in list](image)\n\n| x<br>![in \\| cell](image) |\n| --- |\n');
    expect(md).not.toContain(buildImageAttrs().key);
  });

  it('drops empty paragraphs and returns nothing for an empty document', () => {
    expect(exportMarkdown(n.doc(n.p(), n.p('x'), n.p()))).toBe('x\n');
    expect(exportMarkdown(n.doc(n.p()))).toBe('');
  });
});

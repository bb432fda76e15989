import { describe, expect, it } from 'vitest';
import { renderMarkdownInline } from './renderMarkdownInline.ts';
import { nodes as n } from './testing/nodes.ts';

const md = (...content: Parameters<typeof n.p>) => renderMarkdownInline(n.p(...content).content);

describe('renderMarkdownInline', () => {
  it('writes the marks Markdown has', () => {
    expect(md(n.text('b', 'bold'), ' ', n.text('i', 'italic'), ' ', n.text('s', 'strike'), ' ', n.text('c', 'code'))).toBe('**b** *i* ~~s~~ `c`');
  });

  it('nests marks that overlap and keeps one open across text nodes', () => {
    expect(md(n.text('bold ', 'bold'), n.text('both', 'bold', 'italic'), n.text(' bold', 'bold'))).toBe('**bold *both* bold**');
    expect(md(n.text('it ', 'italic'), n.text('both', 'italic', 'bold'))).toBe('*it **both***');
  });

  it('moves spaces at mark edges outside the delimiters', () => {
    expect(md('a', n.text(' spaced ', 'bold'), 'b')).toBe('a **spaced** b');
  });

  it('drops marks Markdown cannot express and keeps their text', () => {
    const out = md(n.text('u', 'underline'), n.text('h', { type: 'highlight', attrs: { color: '#fde68a' } }), n.text('c', { type: 'textStyle', attrs: { color: '#f00' } }));
    expect(out).toBe('uhc');
  });

  it('writes safe links and drops unsafe ones', () => {
    expect(md(n.text('site', n.link('https://example.com/a')))).toBe('[site](https://example.com/a)');
    expect(md(n.text('wiki', n.link('https://en.wikipedia.org/wiki/A_(b)')))).toBe('[wiki](<https://en.wikipedia.org/wiki/A_(b)>)');
    expect(md(n.text('bold link', 'bold', n.link('https://example.com/')))).toBe('[**bold link**](https://example.com/)');
    expect(md(n.text('evil', n.link('javascript:alert(1)')))).toBe('evil');
  });

  it('escapes text so it reads back as text', () => {
    expect(md('2 * 3, _x_, `t`, [a](b), <b>, &amp;, a == b == c, C++ and C++, back\\slash')).toBe(
      '2 \\* 3, \\_x\\_, \\`t\\`, \\[a\\](b), \\<b>, \\&amp;, a \\== b \\== c, C\\++ and C\\++, back\\\\slash',
    );
  });

  it('escapes what would start a block at the start of a line', () => {
    expect(md('# no')).toBe('\\# no');
    expect(md('1. no')).toBe('1\\. no');
    expect(md('- no')).toBe('\\- no');
    expect(md('> no')).toBe('\\> no');
    expect(md('line\n---')).toBe('line\n\\---');
    expect(md('    indented')).toBe('indented');
  });

  it('fences code spans longer than the backticks inside', () => {
    expect(md(n.text('a `tick`', 'code'))).toBe("`` a `tick` ``");
  });

  it('writes hard breaks per context', () => {
    const content = n.p('a', n.br(), 'b').content;
    expect(renderMarkdownInline(content)).toBe('a\\\nb');
    expect(renderMarkdownInline(content, { inTable: true })).toBe('a<br>b');
    expect(renderMarkdownInline(content, { inHeading: true })).toBe('a b');
  });

  it('escapes pipes in tables, also inside code', () => {
    expect(renderMarkdownInline(n.p('a|b', n.text('x|y', 'code')).content, { inTable: true })).toBe('a\\|b`x\\|y`');
  });
});

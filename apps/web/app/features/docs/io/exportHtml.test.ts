import { describe, expect, it } from 'vitest';
import { exportHtml } from './exportHtml.ts';
import { buildImageAttrs } from './testing/buildImageAttrs.ts';
import { buildPng } from './testing/buildPng.ts';
import { buildSampleDoc } from './testing/buildSampleDoc.ts';
import { nodes as n } from './testing/nodes.ts';

describe('exportHtml', () => {
  it('is a complete page with the title in <title> and <h1>, and a print stylesheet', () => {
    const html = exportHtml(buildSampleDoc(), { title: 'Quarterly & "plans"' });
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(html).toContain('<title>Quarterly &amp; &quot;plans&quot;</title>');
    expect(html).toContain('<h1>Quarterly &amp; &quot;plans&quot;</h1>');
    expect(html).toContain('@media print');
    expect(html).toMatch(/<\/body>\n<\/html>\n$/);
  });

  it('renders every supported node', () => {
    const html = exportHtml(buildSampleDoc(), { title: 't' });
    for (const fragment of [
      '<h2>Lists</h2>',
      '<strong>bold</strong>',
      '<em>italic</em>',
      '<s>struck</s>',
      '<code>x = 1</code>',
      '<a href="https://example.com/page" rel="noopener noreferrer">a link</a>',
      '<ul>\n<li><p>first bullet</p>\n<ul>\n<li><p>nested bullet</p>',
      '<ol>\n<li><p>step one</p>',
      '<ul class="task-list">\n<li><input type="checkbox" disabled><p>open task</p>',
      '<input type="checkbox" disabled checked><p>done task</p>',
      '<blockquote>\n<p>A quoted line</p>',
      '<pre><code class="language-ts">const answer = 42;\nconsole.log(answer);</code></pre>',
      '<hr>',
      '<tr><th><p>Name</p>\n</th>',
      '<td><p>Ada</p>',
    ]) {
      expect(html).toContain(fragment);
    }
  });

  it('escapes <script> in text, titles and code', () => {
    const html = exportHtml(n.doc(n.p('<script>alert(1)</script>'), n.code('</code><script>x()</script>')), { title: '</title><script>alert(2)</script>' });
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('keeps only http, https and mailto links, and no event handlers or foreign attributes', () => {
    const doc = n.doc(
      n.p(
        n.text('js', n.link('javascript:alert(1)')),
        n.text('data', n.link('data:text/html,<script>alert(1)</script>')),
        n.text('quote', n.link('https://example.com/" onmouseover="alert(1)')),
        n.text('mail', n.link('mailto:ada@example.com')),
      ),
      { type: 'paragraph', attrs: { textAlign: 'center" onclick="alert(1)', class: 'x', style: 'background:url(https://evil.example)' }, content: [{ type: 'text', text: 'p' }] },
      { type: 'codeBlock', attrs: { language: 'js" onfocus="alert(1)' }, content: [{ type: 'text', text: 'c' }] },
      { type: 'orderedList', attrs: { start: '2" onload="x' }, content: [{ type: 'listItem', content: [n.p('i')] }] },
    );
    const html = exportHtml(doc, { title: 't', lang: 'en" onload="x' });
    expect(html).not.toMatch(/javascript:|data:text|\son\w+=|evil\.example/i);
    expect(html).toContain('<p>jsdata<a href');
    expect(html).toContain('<a href="https://example.com/%22%20onmouseover=%22alert(1)" rel="noopener noreferrer">quote</a>');
    expect(html).toContain('<a href="mailto:ada@example.com" rel="noopener noreferrer">mail</a>');
    expect(html).toContain('<html lang="en">');
  });

  it('writes colours only as validated hex and alignment only from the allowed set', () => {
    const doc = n.doc(
      { type: 'paragraph', attrs: { textAlign: 'right' }, content: [n.text('red', { type: 'textStyle', attrs: { color: 'rgb(180, 35, 24)' } }), n.text('hl', { type: 'highlight', attrs: { color: '#fde68a' } })] },
      n.p(n.text('bad', { type: 'textStyle', attrs: { color: 'red; background-image: url(https://evil.example/t.png)' } })),
    );
    const html = exportHtml(doc, { title: 't' });
    expect(html).toContain('<p style="text-align: right"><span style="color: #b42318">red</span><mark style="background-color: #fde68a">hl</mark></p>');
    expect(html).toContain('<p>bad</p>');
    expect(html).not.toContain('evil.example');
  });

  it('forbids scripts and remote loads with a Content-Security-Policy; images may only be data: URLs', () => {
    expect(exportHtml(n.doc(), { title: 't' })).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
  });

  it('embeds each image as a data: URL typed by its own header, with its alt text and width, never its key', () => {
    const png = buildPng();
    const doc = n.doc(n.p('before'), n.image({ alt: '<b>"chart"</b>', width: 320 }), n.ul([n.image({ fileId: 'otherFile0123456789ab', mime: 'image/jpeg' })]));
    const html = exportHtml(doc, { title: 't', images: new Map([['imgFile0123456789abcd', png], ['otherFile0123456789ab', png]]) });
    expect(html).toContain(`<p><img src="data:image/png;base64,${Buffer.from(png).toString('base64')}" alt="&lt;b&gt;&quot;chart&quot;&lt;/b&gt;" width="320"></p>`);
    expect(html).toContain('<li><p><img src="data:image/png;base64,'); // the node said JPEG; the bytes say PNG
    expect(html).not.toContain(buildImageAttrs().key);
    expect(html).not.toContain('data-coffre-image');
  });

  it('writes a marker instead of an image it has no bytes for, or whose bytes are not an image', () => {
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const doc = n.doc(n.image({ alt: 'missing.png' }), n.image({ fileId: 'svgFile0123456789abcd', alt: '' }));
    const html = exportHtml(doc, { title: 't', images: new Map([['svgFile0123456789abcd', svg]]) });
    expect(html).toContain('<p class="image-missing">[Image: missing.png]</p>\n<p class="image-missing">[Image]</p>');
    expect(html).not.toMatch(/<img|<svg|<script|base64/);
    expect(exportHtml(doc, { title: 't' })).toContain('[Image: missing.png]');
  });

  it('names an untitled document', () => {
    expect(exportHtml(n.doc(), { title: '  ' })).toContain('<title>Untitled document</title>');
  });
});

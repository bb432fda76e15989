import { afterEach, describe, expect, it } from 'vitest';
import type { JSONContent } from '@tiptap/core';
import { generateHTML, generateJSON } from '@tiptap/html';
import { editorExtensions } from './editorExtensions.ts';
import { editorSchema } from './editorSchema.ts';
import { rememberedImages } from './rememberedImages.ts';
import { buildImageAttrs } from './testing/buildImageAttrs.ts';
import { nodes as n } from './testing/nodes.ts';

const images = (html: string) => (generateJSON(html, editorExtensions()).content ?? []).filter((c: JSONContent) => c.type === 'encryptedImage');

describe('EncryptedImage', () => {
  afterEach(() => rememberedImages.clear());

  it('is a draggable block atom carrying the file, its key and how to show it', () => {
    const type = editorSchema().nodes.encryptedImage!;
    expect(type.isBlock && type.isAtom).toBe(true);
    expect(type.spec.draggable).toBe(true);
    expect(Object.keys(type.spec.attrs!)).toEqual(['fileId', 'key', 'chunkCount', 'mime', 'alt', 'width']);
  });

  it('renders to HTML as the file id and alt text only: no key, no source', () => {
    const attrs = buildImageAttrs({ alt: 'Q3 "chart"' });
    const html = generateHTML(n.doc(n.image(attrs)), editorExtensions());
    expect(html).toBe('<img alt="Q3 &quot;chart&quot;" data-coffre-image="imgFile0123456789abcd">');
    expect(html).not.toContain(attrs.key);
    expect(html).not.toMatch(/src=|image\/png|chunk/i);
  });

  it('never parses a plain <img src>: a remote image would tell its host who reads', () => {
    expect(images('<p>x</p><img src="https://tracker.example/pixel.png" alt="t">')).toEqual([]);
    expect(images('<img src="data:image/png;base64,iVBORw0KGgo=">')).toEqual([]);
  });

  it('takes a pasted coffre image only when this tab knows the file, and then only its known attributes', () => {
    expect(images('<img data-coffre-image="imgFile0123456789abcd" alt="x">')).toEqual([]);
    const attrs = buildImageAttrs();
    rememberedImages.set(attrs.fileId, attrs);
    const [image] = images('<img data-coffre-image="imgFile0123456789abcd" alt="spoofed" key="attacker" mime="image/svg+xml" chunkcount="99">');
    expect(image?.attrs).toEqual(attrs);
  });
});

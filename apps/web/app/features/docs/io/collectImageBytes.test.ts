import { describe, expect, it } from 'vitest';
import { collectImageBytes } from './collectImageBytes.ts';
import type { EncryptedImageAttrs } from './EncryptedImageAttrs.ts';
import { nodes as n } from './testing/nodes.ts';

describe('collectImageBytes', () => {
  it('resolves every valid image once, wherever it sits, and leaves out the ones that fail', async () => {
    const doc = n.doc(
      n.image({ fileId: 'aaaaaaaaaaaaaaaaaaaaaa' }),
      n.quote(n.image({ fileId: 'bbbbbbbbbbbbbbbbbbbbbb' })),
      n.ul([n.image({ fileId: 'aaaaaaaaaaaaaaaaaaaaaa' })]),
      n.image({ fileId: 'cccccccccccccccccccccc' }),
      n.image({ fileId: 'dddddddddddddddddddddd' }),
      { type: 'encryptedImage', attrs: { fileId: '../../etc', key: 'x', chunkCount: 1, mime: 'image/png' } },
      { type: 'encryptedImage', attrs: { fileId: 'eeeeeeeeeeeeeeeeeeeeee', key: 'x'.repeat(43), chunkCount: 1, mime: 'image/svg+xml' } },
    );
    const asked: string[] = [];
    const found = await collectImageBytes(doc, async (attrs: EncryptedImageAttrs) => {
      asked.push(attrs.fileId);
      if (attrs.fileId.startsWith('c')) throw new Error('integrity');
      if (attrs.fileId.startsWith('d')) return null;
      return new Uint8Array([attrs.fileId.charCodeAt(0)]);
    });
    expect(asked).toEqual(['aaaaaaaaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbbbbbbbb', 'cccccccccccccccccccccc', 'dddddddddddddddddddddd']);
    expect([...found.keys()]).toEqual(['aaaaaaaaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbbbbbbbb']);
  });
});

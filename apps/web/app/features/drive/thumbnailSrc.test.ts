import { describe, expect, it } from 'vitest';
import { buildFileEntry } from './testing/buildFileEntry.ts';
import { MAX_STORED_THUMBNAIL_BYTES, thumbnailSrc } from './thumbnailSrc.ts';

const jpeg = (bytes: number) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(bytes - 4, 7)]).toString('base64');

describe('thumbnailSrc', () => {
  it('gives a data URL for base64 of a small JPEG on an image file', () => {
    const t = jpeg(300);
    expect(thumbnailSrc(buildFileEntry({ thumbnail: t }))).toBe(`data:image/jpeg;base64,${t}`);
    expect(thumbnailSrc(buildFileEntry({ thumbnail: jpeg(MAX_STORED_THUMBNAIL_BYTES) }))).not.toBeNull();
  });

  it('refuses what another member could have written instead', () => {
    const refused = [
      '',
      jpeg(MAX_STORED_THUMBNAIL_BYTES + 1),
      Buffer.from('\x89PNG\r\n\x1a\n0000').toString('base64'),
      `${jpeg(30)}"><script>`,
      jpeg(31).replace(/=+$/, ''),
      '/9j/4AAQ-_AA',
      'javascript:alert(1)',
    ];
    for (const thumbnail of refused) expect(thumbnailSrc(buildFileEntry({ thumbnail })), thumbnail.slice(0, 40)).toBeNull();
  });

  it('gives none without a thumbnail, for folders, and once the current version is not an image', () => {
    expect(thumbnailSrc(buildFileEntry())).toBeNull();
    expect(thumbnailSrc(buildFileEntry({ thumbnail: jpeg(300), mime: 'application/pdf', title: 'a.pdf' }))).toBeNull();
    expect(thumbnailSrc(buildFileEntry({ thumbnail: jpeg(300), mime: 'image/svg+xml', title: 'a.svg' }))).toBeNull();
    const folder = { ...buildFileEntry({ thumbnail: jpeg(300) }), kind: 'folder' as const };
    expect(thumbnailSrc(folder as never)).toBeNull();
  });
});

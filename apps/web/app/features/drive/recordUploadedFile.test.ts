import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getFolderEntry } from '@coffre/docs';
import { recordUploadedFile, type UploadedFile } from './recordUploadedFile.ts';

const upload = (overrides: Partial<UploadedFile> = {}): UploadedFile => ({
  fileId: 'AAAAAAAAAAAAAAAAAAAAAA',
  version: 1,
  fileKey: 'a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2U',
  name: 'photo.png',
  mime: 'image/png',
  size: 1000,
  sealedSize: 1040,
  chunkCount: 1,
  uploadedBy: 'u1',
  ...overrides,
});

describe('recordUploadedFile', () => {
  it('files the thumbnail with a new entry, inside the folder document', () => {
    const doc = new Y.Doc();
    recordUploadedFile(doc, upload({ thumbnail: '/9j/4AAQ' }));
    expect(getFolderEntry(doc, 'AAAAAAAAAAAAAAAAAAAAAA')).toMatchObject({ kind: 'file', thumbnail: '/9j/4AAQ' });
  });

  it('files no thumbnail field when there is none, and a new version keeps the first one', () => {
    const doc = new Y.Doc();
    recordUploadedFile(doc, upload({ thumbnail: null }));
    expect(getFolderEntry(doc, 'AAAAAAAAAAAAAAAAAAAAAA')).not.toHaveProperty('thumbnail');
    const other = new Y.Doc();
    recordUploadedFile(other, upload({ thumbnail: '/9j/4AAQ' }));
    recordUploadedFile(other, upload({ version: 2, thumbnail: '/9j/BBBB' }));
    const entry = getFolderEntry(other, 'AAAAAAAAAAAAAAAAAAAAAA');
    expect(entry).toMatchObject({ thumbnail: '/9j/4AAQ' });
    expect(entry?.kind === 'file' && entry.versions.length).toBe(2);
  });
});

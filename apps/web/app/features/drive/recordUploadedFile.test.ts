import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { fileVersionKey, getFolderEntry } from '@coffre/docs';
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
  digest: 'ZGlnZXN0ZGlnZXN0ZGlnZXN0ZGlnZXN0ZGlnZXN0ZGk',
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

  it('keeps the own key of a new version in its record, and each version opens with its key', () => {
    const doc = new Y.Doc();
    const second = 'c2Vjb25kc2Vjb25kc2Vjb25kc2Vjb25kc2Vjb25kc2U';
    recordUploadedFile(doc, upload());
    recordUploadedFile(doc, upload({ version: 2, fileKey: second, size: 2000 }));
    const entry = getFolderEntry(doc, 'AAAAAAAAAAAAAAAAAAAAAA');
    if (entry?.kind !== 'file') throw new Error('not a file');
    expect(entry.key).toBe(upload().fileKey);
    expect(entry.versions.map((v) => fileVersionKey(entry, v))).toEqual([upload().fileKey, second]);
    expect(entry.size).toBe(2000);
    // A version key that is not 32 bytes of base64url is refused, and nothing is written.
    const bad = new Y.Doc();
    recordUploadedFile(bad, upload());
    expect(() => recordUploadedFile(bad, upload({ version: 2, fileKey: 'short' }))).toThrow(/invalid file version/);
    const kept = getFolderEntry(bad, 'AAAAAAAAAAAAAAAAAAAAAA');
    expect(kept?.kind === 'file' && kept.versions.length).toBe(1);
  });

  it('keeps each version\'s plaintext digest in its record, for a new entry and a new version', () => {
    const doc = new Y.Doc();
    const second = 'c2Vjb25kZGlnZXN0c2Vjb25kZGlnZXN0c2Vjb25kZGk';
    recordUploadedFile(doc, upload());
    recordUploadedFile(doc, upload({ version: 2, digest: second }));
    const entry = getFolderEntry(doc, 'AAAAAAAAAAAAAAAAAAAAAA');
    if (entry?.kind !== 'file') throw new Error('not a file');
    expect(entry.versions.map((v) => v.digest)).toEqual([upload().digest, second]);
    // A digest that is not 32 bytes of base64url is refused, and nothing is written.
    expect(() => recordUploadedFile(doc, upload({ version: 3, digest: 'short' }))).toThrow(/invalid file version/);
    expect(getFolderEntry(doc, 'AAAAAAAAAAAAAAAAAAAAAA')).toEqual(entry);
  });
});

import type { FolderEntry } from '@coffre/docs';

type FileEntry = Extract<FolderEntry, { kind: 'file' }>;

/** A well-formed image file entry; override what a test is about. */
export function buildFileEntry(overrides: Partial<FileEntry> = {}): FileEntry {
  return {
    id: 'AAAAAAAAAAAAAAAAAAAAAA',
    kind: 'file',
    title: 'photo.png',
    key: 'a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2U',
    epoch: 1,
    created: 1_700_000_000_000,
    modified: 1_700_000_000_000,
    mime: 'image/png',
    size: 1234,
    versions: [{ version: 1, size: 1234, sealedSize: 1274, chunkCount: 1, created: 1_700_000_000_000, uploadedBy: 'u1' }],
    ...overrides,
  };
}

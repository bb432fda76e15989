import type { DocumentEntry, FileEntry, FileVersionInfo } from '../FolderEntry.ts';

// Test fixtures (STYLE.md: fixtures come from buildX(overrides) factories).

export function buildDocEntry(overrides: Partial<DocumentEntry> = {}): DocumentEntry {
  return { id: 'd1', kind: 'doc', title: 'Notes', key: 'k'.repeat(43), epoch: 1, created: 1_000, modified: 1_000, ...overrides };
}

export function buildFileVersion(overrides: Partial<FileVersionInfo> = {}): FileVersionInfo {
  return { version: 1, size: 1_000, sealedSize: 1_040, chunkCount: 1, created: 1_000, uploadedBy: 'alice', ...overrides };
}

export function buildFileEntry(overrides: Partial<FileEntry> = {}): FileEntry {
  const versions = overrides.versions ?? [buildFileVersion()];
  return {
    id: 'f1',
    kind: 'file',
    title: 'report.pdf',
    key: 'f'.repeat(43),
    epoch: 1,
    created: 1_000,
    modified: 1_000,
    mime: 'application/pdf',
    size: versions[versions.length - 1]?.size ?? 0,
    versions,
    ...overrides,
  };
}

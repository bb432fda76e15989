import { describe, expect, it } from 'vitest';
import type { FileStore, FileVersionRecord, NewFileVersion } from '../../interfaces/FileStore.ts';
import { buildFile } from '../fixtures/buildFile.ts';
import { buildFileVersion } from '../fixtures/buildFileVersion.ts';
import { T0 } from '../fixtures/T0.ts';
import { expectStorageError } from '../expectStorageError.ts';
import type { StorageHarness } from '../StorageHarness.ts';

class Boom extends Error {}

function uploading(version: NewFileVersion): FileVersionRecord {
  return { ...version, state: 'uploading', completedAt: null };
}

/** Records chunks 0, 1, … with the given sizes. */
async function recordChunks(files: FileStore, fileId: string, version: number, sizes: number[]): Promise<void> {
  for (const [index, size] of sizes.entries()) await files.recordChunk(fileId, version, { index, size });
}

export function fileContract(h: () => StorageHarness): void {
  describe('files', () => {
    it('creates, reads and refuses a duplicate id', async () => {
      const { files } = h().storage;
      await files.create(buildFile());
      expect(await files.get('file-1')).toEqual(buildFile());
      expect(await files.get('nope')).toBeNull();
      await expectStorageError(files.create(buildFile({ ownerId: 'user-bob', parentId: 'folder-2' })), 'DUPLICATE');
      expect(await files.get('file-1')).toEqual(buildFile());
    });

    it('moves a file under another folder', async () => {
      const { files } = h().storage;
      await files.create(buildFile());
      await files.create(buildFile({ fileId: 'file-2' }));
      await files.setParent('file-1', 'folder-2');
      expect(await files.get('file-1')).toEqual(buildFile({ parentId: 'folder-2' }));
      expect((await files.get('file-2'))?.parentId).toBe('folder-1');
      await expectStorageError(files.setParent('nope', 'folder-2'), 'NOT_FOUND');
      expect(await files.get('nope')).toBeNull();
    });

    it('lists the files under one parent, and follows moves and deletions', async () => {
      const { files } = h().storage;
      for (const [fileId, parentId] of [['file-b', 'doc-1'], ['file-a', 'doc-1'], ['file-c', 'doc-2']] as const) await files.create(buildFile({ fileId, parentId }));
      expect(await files.listIdsByParent('doc-1')).toEqual(['file-a', 'file-b']);
      expect(await files.listIdsByParent('nobody')).toEqual([]);
      await files.setParent('file-b', 'doc-2');
      expect(await files.listIdsByParent('doc-2')).toEqual(['file-b', 'file-c']);
      await files.delete('file-a');
      expect(await files.listIdsByParent('doc-1')).toEqual([]);
    });

    it('begins versions, refusing an unknown file or a reused number', async () => {
      const { files } = h().storage;
      await expectStorageError(files.beginVersion(buildFileVersion()), 'NOT_FOUND');
      expect(await files.getVersion('file-1', 1)).toBeNull();
      await files.create(buildFile());
      const v1 = buildFileVersion({ uploaderId: 'user-bob' });
      expect(await files.beginVersion(v1)).toEqual(uploading(v1));
      expect(await files.getVersion('file-1', 1)).toEqual(uploading(v1));
      expect(await files.getVersion('file-1', 2)).toBeNull();
      expect(await files.listChunks('file-1', 1)).toEqual([]);
      await expectStorageError(files.beginVersion(buildFileVersion({ size: 5, chunkCount: 1 })), 'DUPLICATE');
      expect(await files.getVersion('file-1', 1)).toEqual(uploading(v1));
    });

    it('records chunks idempotently, per version, and lists them by index', async () => {
      const { files } = h().storage;
      await files.create(buildFile());
      await files.beginVersion(buildFileVersion());
      await files.beginVersion(buildFileVersion({ version: 2 }));
      await files.recordChunk('file-1', 1, { index: 2, size: 30 });
      await files.recordChunk('file-1', 1, { index: 0, size: 10 });
      await files.recordChunk('file-1', 1, { index: 1, size: 20 });
      await files.recordChunk('file-1', 1, { index: 1, size: 21 });
      await files.recordChunk('file-1', 2, { index: 0, size: 99 });
      expect(await files.listChunks('file-1', 1)).toEqual([
        { index: 0, size: 10 },
        { index: 1, size: 21 },
        { index: 2, size: 30 },
      ]);
      expect(await files.listChunks('file-1', 2)).toEqual([{ index: 0, size: 99 }]);
      await expectStorageError(files.recordChunk('file-1', 3, { index: 0, size: 1 }), 'NOT_FOUND');
      await expectStorageError(files.recordChunk('nope', 1, { index: 0, size: 1 }), 'NOT_FOUND');
      expect(await files.listChunks('file-1', 3)).toEqual([]);
    });

    it('completes a version whose chunks are all there and add up', async () => {
      const { files } = h().storage;
      await files.create(buildFile());
      const v1 = buildFileVersion();
      await files.beginVersion(v1);
      await recordChunks(files, 'file-1', 1, [100, 120, 80]);
      const complete: FileVersionRecord = { ...v1, state: 'complete', completedAt: T0 + 5 };
      expect(await files.completeVersion('file-1', 1, T0 + 5)).toEqual(complete);
      expect(await files.getVersion('file-1', 1)).toEqual(complete);
      // A retry after a lost reply changes nothing.
      expect(await files.completeVersion('file-1', 1, T0 + 9)).toEqual(complete);
      expect(await files.getVersion('file-1', 1)).toEqual(complete);
      await expectStorageError(files.completeVersion('file-1', 2, T0), 'NOT_FOUND');
      await expectStorageError(files.completeVersion('nope', 1, T0), 'NOT_FOUND');
    });

    it('refuses more chunks once complete', async () => {
      const { files } = h().storage;
      await files.create(buildFile());
      await files.beginVersion(buildFileVersion({ chunkCount: 1, size: 7 }));
      await files.recordChunk('file-1', 1, { index: 0, size: 7 });
      await files.completeVersion('file-1', 1, T0 + 1);
      await expectStorageError(files.recordChunk('file-1', 1, { index: 0, size: 8 }), 'CONFLICT');
      await expectStorageError(files.recordChunk('file-1', 1, { index: 1, size: 8 }), 'CONFLICT');
      expect(await files.listChunks('file-1', 1)).toEqual([{ index: 0, size: 7 }]);
    });

    describe('refuses to complete, changing nothing, when', () => {
      // Each case is wrong in exactly one way: the counts or the sums alone would pass.
      const cases: Array<[string, Array<[number, number]>]> = [
        ['a chunk is missing', [[0, 150], [2, 150]]],
        ['an index is skipped', [[0, 100], [1, 100], [3, 100]]],
        ['an index beyond chunkCount is recorded', [[0, 100], [1, 100], [2, 100], [3, 0]]],
        ['the sizes do not add up', [[0, 100], [1, 100], [2, 99]]],
        ['nothing is recorded', []],
      ];
      for (const [name, chunks] of cases) {
        it(name, async () => {
          const { files } = h().storage;
          await files.create(buildFile());
          const v1 = buildFileVersion();
          await files.beginVersion(v1);
          for (const [index, size] of chunks) await files.recordChunk('file-1', 1, { index, size });
          await expectStorageError(files.completeVersion('file-1', 1, T0 + 5), 'CONFLICT');
          expect(await files.getVersion('file-1', 1)).toEqual(uploading(v1));
          expect(await files.listUploading('user-alice')).toEqual([uploading(v1)]);
          // Still uploading, so it accepts more chunks.
          await files.recordChunk('file-1', 1, { index: 0, size: 100 });
        });
      }
    });

    it('lists versions oldest first', async () => {
      const { files } = h().storage;
      await files.create(buildFile());
      await files.create(buildFile({ fileId: 'file-2' }));
      const v1 = buildFileVersion();
      const v2 = buildFileVersion({ version: 2, createdAt: T0 + 1, uploaderId: 'user-bob' });
      const v3 = buildFileVersion({ version: 3, createdAt: T0 + 2 });
      for (const v of [v1, v3, v2]) await files.beginVersion(v);
      await files.beginVersion(buildFileVersion({ fileId: 'file-2' }));
      expect(await files.listVersions('file-1')).toEqual([v1, v2, v3].map(uploading));
      expect(await files.listVersions('nope')).toEqual([]);
    });

    it('lists the versions an uploader is still uploading, oldest first', async () => {
      const { files } = h().storage;
      for (const fileId of ['file-1', 'file-2', 'file-3']) await files.create(buildFile({ fileId }));
      const late = buildFileVersion({ fileId: 'file-1', createdAt: T0 + 2 });
      const early = buildFileVersion({ fileId: 'file-2', createdAt: T0 });
      const bobs = buildFileVersion({ fileId: 'file-1', version: 2, uploaderId: 'user-bob', createdAt: T0 + 1 });
      const done = buildFileVersion({ fileId: 'file-3', chunkCount: 1, size: 4, createdAt: T0 - 1 });
      for (const v of [late, early, bobs, done]) await files.beginVersion(v);
      await files.recordChunk('file-3', 1, { index: 0, size: 4 });
      expect(await files.listUploading('user-alice')).toEqual([uploading(done), uploading(early), uploading(late)]);
      await files.completeVersion('file-3', 1, T0 + 3);
      expect(await files.listUploading('user-alice')).toEqual([uploading(early), uploading(late)]);
      expect(await files.listUploading('user-bob')).toEqual([uploading(bobs)]);
      expect(await files.listUploading('nobody')).toEqual([]);
      expect(await files.listStaleUploads(T0 + 2, 10)).toEqual([uploading(early), uploading(bobs)]);
      expect(await files.listStaleUploads(T0 + 2, 1)).toEqual([uploading(early)]);
      expect(await files.listStaleUploads(T0, 10)).toEqual([]);
    });

    it('deletes one version with its chunk records', async () => {
      const { files } = h().storage;
      await files.create(buildFile());
      const v1 = buildFileVersion();
      const v2 = buildFileVersion({ version: 2, createdAt: T0 + 1 });
      await files.beginVersion(v1);
      await files.beginVersion(v2);
      await recordChunks(files, 'file-1', 1, [100, 100, 100]);
      await recordChunks(files, 'file-1', 2, [50, 50]);
      const complete = await files.completeVersion('file-1', 1, T0 + 2);

      expect(await files.deleteVersion('file-1', 1)).toEqual(complete);
      expect(await files.getVersion('file-1', 1)).toBeNull();
      expect(await files.listChunks('file-1', 1)).toEqual([]);
      expect(await files.deleteVersion('file-1', 1)).toBeNull();
      expect(await files.listVersions('file-1')).toEqual([uploading(v2)]);
      expect(await files.listChunks('file-1', 2)).toHaveLength(2);
      expect(await files.deleteVersion('file-1', 2)).toEqual(uploading(v2));
      expect(await files.listUploading('user-alice')).toEqual([]);
      expect(await files.get('file-1')).toEqual(buildFile());
      // The number can be used again, starting from no chunks.
      await files.beginVersion(v1);
      expect(await files.listChunks('file-1', 1)).toEqual([]);
    });

    it('deletes a file with every version and chunk record', async () => {
      const { files } = h().storage;
      await files.create(buildFile());
      await files.create(buildFile({ fileId: 'file-2' }));
      const v1 = buildFileVersion();
      const v2 = buildFileVersion({ version: 2, createdAt: T0 + 1 });
      const other = buildFileVersion({ fileId: 'file-2' });
      for (const v of [v2, v1, other]) await files.beginVersion(v);
      await recordChunks(files, 'file-1', 1, [100, 100, 100]);
      await files.recordChunk('file-1', 2, { index: 0, size: 1 });
      await files.recordChunk('file-2', 1, { index: 0, size: 1 });
      const complete = await files.completeVersion('file-1', 1, T0 + 2);

      expect(await files.delete('file-1')).toEqual([complete, uploading(v2)]);
      expect(await files.get('file-1')).toBeNull();
      expect(await files.listVersions('file-1')).toEqual([]);
      expect(await files.listUploading('user-alice')).toEqual([uploading(other)]);
      expect(await files.delete('file-1')).toEqual([]);
      expect(await files.delete('nope')).toEqual([]);
      expect(await files.listChunks('file-2', 1)).toEqual([{ index: 0, size: 1 }]);
      // Nothing is left behind under the old id.
      await files.create(buildFile());
      await files.beginVersion(v1);
      await files.beginVersion(v2);
      expect(await files.listChunks('file-1', 1)).toEqual([]);
      expect(await files.listChunks('file-1', 2)).toEqual([]);
    });

    it('keeps files when their folder document is deleted', async () => {
      const { documents, files } = h().storage;
      await documents.create({ docId: 'folder-1', ownerId: 'user-alice', createdAt: T0 });
      await files.create(buildFile());
      await files.beginVersion(buildFileVersion());
      expect(await documents.delete('folder-1')).toBe(true);
      expect(await files.get('file-1')).toEqual(buildFile());
      expect(await files.listVersions('file-1')).toEqual([uploading(buildFileVersion())]);
    });

    it('leaves no file rows behind when a transaction rolls back', async () => {
      const s = h().storage;
      await s.files.create(buildFile({ fileId: 'kept' }));
      const kept = buildFileVersion({ fileId: 'kept', chunkCount: 1, size: 9 });
      await s.files.beginVersion(kept);
      await s.files.recordChunk('kept', 1, { index: 0, size: 9 });
      await expect(
        s.transaction(async (tx) => {
          await tx.files.create(buildFile());
          await tx.files.beginVersion(buildFileVersion());
          await tx.files.recordChunk('file-1', 1, { index: 0, size: 100 });
          await tx.files.completeVersion('kept', 1, T0 + 1);
          await tx.files.setParent('kept', 'folder-9');
          expect(await tx.files.get('file-1')).toEqual(buildFile()); // sees its own writes
          throw new Boom('abandon');
        }),
      ).rejects.toBeInstanceOf(Boom);
      expect(await s.files.get('file-1')).toBeNull();
      expect(await s.files.getVersion('file-1', 1)).toBeNull();
      expect(await s.files.listChunks('file-1', 1)).toEqual([]);
      expect(await s.files.get('kept')).toEqual(buildFile({ fileId: 'kept' }));
      expect(await s.files.getVersion('kept', 1)).toEqual(uploading(kept));
      expect(await s.files.listUploading('user-alice')).toEqual([uploading(kept)]);
    });

    it('keeps files across close and reopen', async (ctx) => {
      const harness = h();
      if (!harness.reopen) return ctx.skip();
      const s = harness.storage;
      await s.files.create(buildFile());
      const v1 = buildFileVersion();
      const v2 = buildFileVersion({ version: 2, chunkCount: 2, size: 3, createdAt: T0 + 1 });
      await s.files.beginVersion(v1);
      await s.files.beginVersion(v2);
      await recordChunks(s.files, 'file-1', 1, [100, 100, 100]);
      await s.files.recordChunk('file-1', 2, { index: 1, size: 2 });
      const complete = await s.files.completeVersion('file-1', 1, T0 + 2);

      const r = await harness.reopen();
      expect(await r.files.get('file-1')).toEqual(buildFile());
      expect(await r.files.listVersions('file-1')).toEqual([complete, uploading(v2)]);
      expect(await r.files.listChunks('file-1', 2)).toEqual([{ index: 1, size: 2 }]);
      expect(await r.files.listUploading('user-alice')).toEqual([uploading(v2)]);
    });
  });
}

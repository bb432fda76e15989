import { migrations } from './sqlite/migrations.ts';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createStorage } from './createStorage.ts';
import { DiskBlobStore } from './disk/DiskBlobStore.ts';
import type { Storage } from './interfaces/Storage.ts';
import { collectBytes } from './testing/collectBytes.ts';
import { expectSameBytes } from './testing/expectSameBytes.ts';
import { expectStorageError } from './testing/expectStorageError.ts';
import { buildAccount } from './testing/fixtures/buildAccount.ts';
import { patternBytes } from './testing/fixtures/patternBytes.ts';
import { T0 } from './testing/fixtures/T0.ts';
import { runStorageContract } from './testing/storageContract.ts';

async function listFiles(root: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else out.push(relative(root, path));
    }
  };
  await walk(root);
  return out.sort();
}

function blobRoot(storage: Storage): string {
  if (!(storage.blobs instanceof DiskBlobStore)) throw new Error('expected a DiskBlobStore');
  return storage.blobs.root;
}

runStorageContract('sqlite driver', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'coffre-storage-test-'));
  const dataDir = join(dir, 'data');
  let storage = await createStorage({ driver: 'sqlite', dataDir });
  return {
    get storage() {
      return storage;
    },
    async reopen() {
      await storage.close();
      storage = await createStorage({ driver: 'sqlite', dataDir });
      return storage;
    },
    blobFiles: () => listFiles(join(dataDir, 'blobs')),
    async cleanup() {
      await storage.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});

runStorageContract('memory driver', async () => {
  const storage = await createStorage({ driver: 'memory' });
  const root = blobRoot(storage);
  return { storage, blobFiles: () => listFiles(root), cleanup: () => storage.close() };
});

describe('sqlite driver on disk', () => {
  const dirs: string[] = [];
  const opened: Storage[] = [];
  const open = async (dataDir: string) => {
    const storage = await createStorage({ driver: 'sqlite', dataDir });
    opened.push(storage);
    return storage;
  };
  const tempDir = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'coffre-storage-test-'));
    dirs.push(dir);
    return dir;
  };

  afterEach(async () => {
    for (const storage of opened.splice(0)) await storage.close();
    for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
  });

  it('creates a private data dir with a WAL database and sharded blobs', async () => {
    const dataDir = join(await tempDir(), 'nested', 'data');
    const storage = await open(dataDir);
    await storage.blobs.put('abcdef', patternBytes(10));
    expect((await stat(dataDir)).mode & 0o777).toBe(0o700);
    expect((await stat(join(dataDir, 'coffre.sqlite'))).mode & 0o077).toBe(0);
    expect(await listFiles(join(dataDir, 'blobs'))).toEqual([join('ab', 'abcdef')]);

    const raw = new Database(join(dataDir, 'coffre.sqlite'), { readonly: true });
    try {
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(raw.prepare('SELECT version, name FROM schema_migrations').all()).toEqual(migrations.map(({ version, name }) => ({ version, name })));
    } finally {
      raw.close();
    }
  });

  it('folds the WAL into the database in the gaps between writes, not inside a commit', async () => {
    const dataDir = join(await tempDir(), 'data');
    const storage = await open(dataDir);
    await storage.documents.create({ docId: 'doc-1', ownerId: 'user-alice', createdAt: T0 });
    // About 8 MiB through the journal in bursts of 512 KiB with a pause after each, as an editing session writes.
    for (let burst = 0; burst < 16; burst++) {
      for (let i = 0; i < 8; i++) await storage.documents.appendUpdate('doc-1', patternBytes(64 * 1024, burst * 8 + i), T0);
      await new Promise((r) => setTimeout(r, 400));
    }
    // The WAL file never shrinks; it is reused from the start after each complete checkpoint. Left to SQLite
    // (a checkpoint inside the commit that passes wal_autocheckpoint), it would have grown with every burst.
    expect((await stat(join(dataDir, 'coffre.sqlite-wal'))).size).toBeLessThan(2 * 1024 * 1024);
    expect((await storage.documents.readJournal('doc-1')).length).toBe(128);
  });

  it('lets two instances on one data dir (web and collab server) see each other’s writes', async () => {
    const dataDir = join(await tempDir(), 'data');
    const [web, collab] = await Promise.all([open(dataDir), open(dataDir)]);
    await web.accounts.create(buildAccount());
    expect(await collab.accounts.getById('user-alice')).toEqual(buildAccount());

    await collab.documents.create({ docId: 'doc-1', ownerId: 'user-alice', createdAt: T0 });
    await collab.documents.putState('doc-1', patternBytes(2000, 3), T0 + 1);
    expect((await web.documents.get('doc-1'))?.state).toEqual(patternBytes(2000, 3));

    await web.transaction(async (tx) => {
      await tx.members.set('doc-1', 'user-alice', 'admin', T0);
      await tx.quota.charge('user-alice', 10, 100);
    });
    expect(await collab.members.get('doc-1', 'user-alice')).toBe('admin');
    await expectStorageError(collab.quota.charge('user-alice', 91, 100), 'QUOTA_EXCEEDED');

    await collab.blobs.put('shared', patternBytes(70_000, 4));
    expectSameBytes(await collectBytes(await web.blobs.get('shared')), patternBytes(70_000, 4));

    const raw = new Database(join(dataDir, 'coffre.sqlite'), { readonly: true });
    try {
      expect(raw.prepare('SELECT COUNT(*) AS n FROM schema_migrations').get()).toEqual({ n: migrations.length });
    } finally {
      raw.close();
    }
  });

  it('refuses a database migrated by a newer build', async () => {
    const dataDir = join(await tempDir(), 'data');
    await (await createStorage({ driver: 'sqlite', dataDir })).close();
    const raw = new Database(join(dataDir, 'coffre.sqlite'));
    raw.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', 0)").run();
    raw.close();
    await expectStorageError(createStorage({ driver: 'sqlite', dataDir }), 'UNSUPPORTED_SCHEMA');
  });

  it('removes the memory driver’s blob dir on close', async () => {
    const storage = await createStorage({ driver: 'memory' });
    const root = blobRoot(storage);
    await storage.blobs.put('k', patternBytes(5));
    await storage.close();
    await expect(stat(root)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

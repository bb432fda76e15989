import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DiskBlobStore } from './disk/DiskBlobStore.ts';
import type { Storage } from './interfaces/Storage.ts';
import type { StorageConfig } from './interfaces/StorageConfig.ts';
import { openSqliteDatabase } from './sqlite/openSqliteDatabase.ts';
import { SqliteConnection } from './sqlite/SqliteConnection.ts';
import { SqliteStorage } from './sqlite/SqliteStorage.ts';

/** File name of the metadata database inside `dataDir`. */
export const SQLITE_FILE_NAME = 'coffre.sqlite';
/** Directory of the blob store inside `dataDir`. */
export const BLOBS_DIR_NAME = 'blobs';

/**
 * The one place an adapter is chosen. Opening applies pending schema migrations.
 * @throws StorageError('UNSUPPORTED_SCHEMA') when the database comes from a newer build.
 */
export async function createStorage(config: StorageConfig): Promise<Storage> {
  switch (config.driver) {
    case 'sqlite': {
      await mkdir(config.dataDir, { recursive: true, mode: 0o700 });
      const blobs = await DiskBlobStore.open(join(config.dataDir, BLOBS_DIR_NAME));
      const db = openSqliteDatabase(join(config.dataDir, SQLITE_FILE_NAME));
      return new SqliteStorage(new SqliteConnection(db), blobs);
    }
    case 'memory': {
      const blobs = await DiskBlobStore.open(await mkdtemp(join(tmpdir(), 'coffre-blobs-')), { removeOnClose: true });
      try {
        return new SqliteStorage(new SqliteConnection(openSqliteDatabase(':memory:')), blobs);
      } catch (error) {
        await blobs.close();
        throw error;
      }
    }
  }
}

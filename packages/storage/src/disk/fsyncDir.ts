import { open } from 'node:fs/promises';

/** Makes a directory's entries (a rename, a new or removed file) durable. */
export async function fsyncDir(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

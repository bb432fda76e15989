import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSymmetricKey } from '@coffre/crypto';
import { EncryptedDocSession, connectHocuspocus, initWire } from '@coffre/docs';
import { createStorage } from '@coffre/storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, cookieSocket } from './support.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Starts the real server process on a fixed data dir; returns its port and a SIGKILL. */
async function startServer(dataDir: string, port: number) {
  // node --import tsx: one process, so SIGKILL really kills the server (the tsx binary would leave a child behind).
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: path.resolve(here, '..'), env: { ...process.env, COFFRE_DATA_DIR: dataDir, COFFRE_COLLAB_PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => d.toString().includes('collab.listening') && resolve());
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${err.slice(-500)}`)));
  });
  return { kill: () => new Promise<void>((r) => (child.once('exit', () => r()), child.kill('SIGKILL'))) };
}

describe('durability: an acknowledged envelope survives SIGKILL of the server', () => {
  let dir: string;
  beforeAll(async () => {
    await initWire();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'durable-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('keeps every acknowledged write when the server is killed before its debounced store', async () => {
    const storage = await createStorage({ driver: 'sqlite', dataDir: dir });
    const owner = await addUser(storage, 'owner');
    await storage.documents.create({ docId: 'doc-durable', ownerId: owner.userId, createdAt: Date.now() });
    await storage.close();
    const port = 20000 + Math.floor(Math.random() * 20000);
    const key = generateSymmetricKey();
    const open = () => {
      const s = new EncryptedDocSession({ docId: 'doc-durable', keys: { current: { epoch: 1, key } }, identity: owner.identity, batchMs: 1 });
      const c = connectHocuspocus(s, { url: `ws://127.0.0.1:${port}`, WebSocketPolyfill: cookieSocket(owner.cookie), compaction: false });
      return { s, c };
    };

    const first = await startServer(dir, port);
    const a = open();
    await expect.poll(() => a.c.status).toBe('synced');
    a.s.doc.getText('t').insert(0, 'acknowledged before the crash');
    a.s.flush();
    await expect.poll(() => a.c.unsynced, { timeout: 5000 }).toBe(false); // the server acknowledged it
    await first.kill(); // no graceful shutdown, no debounced store
    a.c.destroy();
    a.s.destroy();

    const second = await startServer(dir, port);
    const b = open();
    await expect.poll(() => b.s.doc.getText('t').toString(), { timeout: 10_000 }).toBe('acknowledged before the crash');
    b.c.destroy();
    b.s.destroy();
    await second.kill();
  });
});

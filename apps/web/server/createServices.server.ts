import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { initCrypto } from '@coffre/crypto';
import { createOpaqueServerSetup, opaqueServerPublicKey } from '@coffre/crypto/opaque-server';
import { createStorage } from '@coffre/storage';
import type { WebConfig } from './config.server.ts';
import { createLogger, type Logger } from './createLogger.server.ts';
import type { Services } from './Services.ts';

/** Reads a server secret from the data directory, creating it (0600, atomically) on first start. */
function loadOrCreateSecret(dataDir: string, name: string, create: () => string): string {
  const file = path.join(dataDir, name);
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(tmp, 'wx', 0o600);
  fs.writeSync(fd, create());
  fs.fsyncSync(fd);
  fs.closeSync(fd);
  try {
    fs.linkSync(tmp, file); // fails if another process won the race; then we use theirs
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  } finally {
    fs.unlinkSync(tmp);
  }
  return fs.readFileSync(file, 'utf8').trim();
}

export async function createServices(config: WebConfig, log: Logger = createLogger('web')): Promise<Services> {
  await initCrypto(); // known-answer self-test: refuses to start on a wrong result
  fs.mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  const storage = await createStorage({ driver: 'sqlite', dataDir: config.dataDir });
  const candidateSetup = await createOpaqueServerSetup(); // used only if none is stored yet
  const opaqueServerSetup = loadOrCreateSecret(config.dataDir, 'opaque-server-setup', () => candidateSetup);
  const unlockSecret = new Uint8Array(
    Buffer.from(loadOrCreateSecret(config.dataDir, 'session-unlock-secret', () => randomBytes(32).toString('base64url')), 'base64url'),
  );
  return {
    config,
    storage,
    log,
    opaqueServerSetup,
    opaqueServerPublicKey: await opaqueServerPublicKey(opaqueServerSetup),
    unlockSecret,
    now: () => Date.now(),
  };
}

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const Schema = z.object({
  COFFRE_DATA_DIR: z.string().min(1).default(path.join(repoRoot, 'data')),
  COFFRE_HOST: z.string().min(1).default('127.0.0.1'),
  COFFRE_COLLAB_PORT: z.coerce.number().int().min(0).max(65535).default(1234),
  COFFRE_PUBLIC_ORIGIN: z.string().url().optional(),
});

export type CollabConfig = { dataDir: string; host: string; port: number; secureCookies: boolean };

/** @throws on an invalid variable: the server refuses to boot. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): CollabConfig {
  const c = Schema.parse(env);
  return {
    dataDir: path.resolve(c.COFFRE_DATA_DIR),
    host: c.COFFRE_HOST,
    port: c.COFFRE_COLLAB_PORT,
    secureCookies: (c.COFFRE_PUBLIC_ORIGIN ?? '').startsWith('https:'),
  };
}

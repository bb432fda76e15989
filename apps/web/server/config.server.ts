import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const port = z.coerce.number().int().min(0).max(65535);

/** Every variable is listed in `.env.example` with its default. */
const ConfigSchema = z.object({
  COFFRE_DATA_DIR: z.string().min(1).default(path.join(repoRoot, 'data')),
  COFFRE_HOST: z.string().min(1).default('127.0.0.1'),
  COFFRE_WEB_PORT: port.default(3000),
  COFFRE_COLLAB_PORT: port.default(1234),
  COFFRE_COLLAB_PUBLIC_URL: z.string().url().optional(),
  COFFRE_PUBLIC_ORIGIN: z.string().url().optional(),
  COFFRE_QUOTA_BYTES: z.coerce.number().int().positive().default(50_000_000_000),
  COFFRE_SESSION_DAYS: z.coerce.number().int().positive().max(365).default(30),
  COFFRE_SIGNUPS_PER_HOUR: z.coerce.number().int().positive().max(100_000).default(20),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
});

export type WebConfig = {
  dataDir: string;
  host: string;
  port: number;
  collabPort: number;
  collabPublicUrl: string | null;
  publicOrigin: string | null;
  quotaBytes: number;
  sessionMaxAgeMs: number;
  /** New accounts per client address per hour. */
  signupsPerHour: number;
  production: boolean;
  secureCookies: boolean;
};

/** @throws when a variable is present but invalid: the server refuses to boot. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): WebConfig {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${issues}`);
  }
  const c = parsed.data;
  return {
    dataDir: path.resolve(c.COFFRE_DATA_DIR),
    host: c.COFFRE_HOST,
    port: c.COFFRE_WEB_PORT,
    collabPort: c.COFFRE_COLLAB_PORT,
    collabPublicUrl: c.COFFRE_COLLAB_PUBLIC_URL ?? null,
    publicOrigin: c.COFFRE_PUBLIC_ORIGIN ?? null,
    quotaBytes: c.COFFRE_QUOTA_BYTES,
    sessionMaxAgeMs: c.COFFRE_SESSION_DAYS * 24 * 60 * 60 * 1000,
    signupsPerHour: c.COFFRE_SIGNUPS_PER_HOUR,
    production: c.NODE_ENV === 'production',
    secureCookies: (c.COFFRE_PUBLIC_ORIGIN ?? '').startsWith('https:'),
  };
}

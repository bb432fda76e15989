import type { Storage } from '@coffre/storage';
import type { WebConfig } from './config.server.ts';
import type { Logger } from './createLogger.server.ts';

/** What every route handler may use; built once in `createServices`. */
export type Services = {
  config: WebConfig;
  storage: Storage;
  log: Logger;
  /** OPAQUE server setup (private key + OPRF seed), loaded from the data directory. */
  opaqueServerSetup: string;
  /** Its public key, which clients pin on first use. */
  opaqueServerPublicKey: string;
  /** Server secret from which per-session unlock keys are derived (see ADR 0003). */
  unlockSecret: Uint8Array;
  now(): number;
};

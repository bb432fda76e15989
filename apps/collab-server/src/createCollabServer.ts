import { Server } from '@hocuspocus/server';
import type { Storage } from '@coffre/storage';
import { AuthExtension } from './extensions/AuthExtension.ts';
import { GuardExtension } from './extensions/GuardExtension.ts';
import { SnapshotExtension } from './extensions/SnapshotExtension.ts';
import { LimitsExtension } from './extensions/LimitsExtension.ts';
import { LoggingExtension, type LogSink } from './extensions/LoggingExtension.ts';
import { MembershipWatchExtension } from './extensions/MembershipWatchExtension.ts';
import { PersistenceExtension } from './extensions/PersistenceExtension.ts';

export type CollabServerOptions = { port: number; host?: string; storage: Storage; secureCookies: boolean; logSink?: LogSink };

/** The debounced store runs after this long without a change… */
export const STORE_AFTER_IDLE_MS = 2_000;
/** …or after this long of continuous changes (at 10 envelopes a second, a journal of at most 200 entries to replay on load). */
export const STORE_AT_LEAST_EVERY_MS = 20_000;

/** Hocuspocus with one extension per concern. Call `initWire()` from @coffre/docs/wire once before. */
export function createCollabServer(opts: CollabServerOptions): Server {
  const guard = new GuardExtension(opts.storage, opts.logSink);
  return new Server({
    name: 'coffre-collab',
    port: opts.port,
    address: opts.host ?? '127.0.0.1',
    quiet: true,
    stopOnSignals: false,
    // The journal makes each accepted update durable (ADR 0006); the debounced store only folds it into one
    // state, re-encoding the whole document. So it waits for a pause of STORE_AFTER_IDLE_MS, or runs at most every
    // STORE_AT_LEAST_EVERY_MS while anyone types; a document is also stored when its last connection leaves.
    debounce: STORE_AFTER_IDLE_MS,
    maxDebounce: STORE_AT_LEAST_EVERY_MS,
    extensions: [
      new LoggingExtension(opts.logSink),
      new AuthExtension(opts.storage, opts.secureCookies),
      new MembershipWatchExtension(opts.storage),
      new LimitsExtension(undefined, opts.logSink),
      guard,
      new SnapshotExtension(opts.storage, guard, opts.logSink),
      new PersistenceExtension(opts.storage),
    ],
  });
}

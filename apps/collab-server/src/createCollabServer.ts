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

/** Hocuspocus with one extension per concern. Call `initWire()` from @coffre/docs/wire once before. */
export function createCollabServer(opts: CollabServerOptions): Server {
  const guard = new GuardExtension(opts.storage, opts.logSink);
  return new Server({
    name: 'coffre-collab',
    port: opts.port,
    address: opts.host ?? '127.0.0.1',
    quiet: true,
    stopOnSignals: false,
    debounce: 500,
    maxDebounce: 2000,
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

import * as Y from 'yjs';
import type { Random } from './createRandom.ts';

/** The origin of updates the gossip applies, so they are not forwarded again. */
export const GOSSIP_ORIGIN = 'remote';

/**
 * The convergence tests' network: every local update of each peer's Y.Doc is
 * queued for every other peer, then delivered in random order, some of them
 * twice, until `drain` has delivered everything.
 */
export class UpdateGossip {
  private readonly pending: { to: Y.Doc; update: Uint8Array }[] = [];

  constructor(private readonly random: Random) {}

  /** Starts forwarding each doc's local updates to the others. */
  connect(docs: readonly Y.Doc[]): void {
    for (const from of docs)
      from.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin !== GOSSIP_ORIGIN) for (const to of docs) if (to !== from) this.pending.push({ to, update });
      });
  }

  /** Delivers up to `count` random queued updates; with chance `duplicate` each stays queued to arrive again. */
  deliver(count: number, duplicate = 0.15): void {
    for (let i = 0; i < count && this.pending.length > 0; i++) {
      const at = this.random.int(this.pending.length);
      const { to, update } = this.pending[at]!;
      if (!this.random.chance(duplicate)) this.pending.splice(at, 1);
      Y.applyUpdate(to, update, GOSSIP_ORIGIN);
    }
  }

  /** Delivers everything still queued (a few once more), until nothing is left. */
  drain(): void {
    this.deliver(Number.POSITIVE_INFINITY, 0.05);
    while (this.pending.length > 0) this.deliver(Number.POSITIVE_INFINITY, 0);
  }
}

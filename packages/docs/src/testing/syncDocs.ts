import * as Y from 'yjs';

/** Brings every document up to date with every other, as a relay would after a reconnect. */
export function syncDocs(docs: readonly Y.Doc[], origin: unknown = 'remote'): void {
  for (const from of docs) {
    const update = Y.encodeStateAsUpdate(from);
    for (const to of docs) if (to !== from) Y.applyUpdate(to, update, origin);
  }
}

import type { Extension, onLoadDocumentPayload, onStoreDocumentPayload } from '@hocuspocus/server';
import * as Y from 'yjs';
import type { Storage } from '@coffre/storage';

/**
 * Keeps each envelope document (ciphertext envelopes only) in storage: the
 * guard journals every accepted update before it is acknowledged; the
 * debounced store folds the journal into one state.
 */
export class PersistenceExtension implements Extension {
  constructor(private readonly storage: Storage) {}

  async onLoadDocument({ document, documentName }: onLoadDocumentPayload): Promise<void> {
    const record = await this.storage.documents.get(documentName);
    if (record?.state) Y.applyUpdate(document, record.state);
    for (const entry of await this.storage.documents.readJournal(documentName)) Y.applyUpdate(document, entry.bytes);
  }

  async onStoreDocument({ document, documentName }: onStoreDocumentPayload): Promise<void> {
    // Only journal entries already in the document may go: one accepted a moment ago may not be applied yet.
    const journal = await this.storage.documents.readJournal(documentName);
    const state = Y.encodeStateAsUpdate(document);
    let upTo = 0;
    for (const entry of journal) {
      if (!contains(document, entry.bytes)) break;
      upTo = entry.id;
    }
    await this.storage.documents.putState(documentName, state, Date.now(), upTo);
  }
}

function contains(doc: Y.Doc, update: Uint8Array): boolean {
  return Y.decodeUpdate(update).structs.every((s) => s.id.clock + s.length <= Y.getState(doc.store, s.id.client));
}

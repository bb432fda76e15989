import type { Extension, onLoadDocumentPayload, onStoreDocumentPayload } from '@hocuspocus/server';
import * as Y from 'yjs';
import type { Storage } from '@coffre/storage';

/** Keeps each envelope document's state (ciphertext envelopes only) in storage. */
export class PersistenceExtension implements Extension {
  constructor(private readonly storage: Storage) {}

  async onLoadDocument({ document, documentName }: onLoadDocumentPayload): Promise<void> {
    const record = await this.storage.documents.get(documentName);
    if (record?.state) Y.applyUpdate(document, record.state);
  }

  async onStoreDocument({ document, documentName }: onStoreDocumentPayload): Promise<void> {
    await this.storage.documents.putState(documentName, Y.encodeStateAsUpdate(document), Date.now());
  }
}

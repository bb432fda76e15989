import { StorageError, type JournalAppend, type Storage } from '@coffre/storage';

type Pending = JournalAppend & { resolve: () => void; reject: (error: unknown) => void };

/**
 * Group commit of the guard's journal (ADR 0021). Every update the guard accepts in one turn of
 * the event loop (all the messages the server read from its sockets in that turn) goes into one
 * durable commit, written right after the turn: one fsync for all of them, not one each. A write
 * that waits (the database busy with a snapshot's transaction) takes along what arrives meanwhile.
 * Nothing waits on purpose, so one person typing alone still gets a commit per update, at once.
 * Each `append` resolves once its entry is durable; it rejects with StorageError NOT_FOUND when
 * the document is gone, or with the write's error, for every entry of a failed commit.
 */
export class JournalWriter {
  #queue: Pending[] = [];
  #scheduled = false;
  #writing = false;

  constructor(private readonly storage: Storage) {}

  append(docId: string, update: Uint8Array, at: number): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.#queue.push({ docId, update, at, resolve, reject });
      this.#schedule();
    });
  }

  #schedule(): void {
    if (this.#scheduled || this.#writing) return;
    this.#scheduled = true;
    setImmediate(() => {
      this.#scheduled = false;
      void this.#write();
    });
  }

  async #write(): Promise<void> {
    const batch = this.#queue;
    this.#queue = [];
    this.#writing = true;
    try {
      const ids = await this.storage.documents.appendUpdates(batch);
      batch.forEach((p, i) => (ids[i] === null ? p.reject(new StorageError('NOT_FOUND', 'document not found')) : p.resolve()));
    } catch (error) {
      for (const p of batch) p.reject(error);
    } finally {
      this.#writing = false;
      if (this.#queue.length > 0) this.#schedule();
    }
  }
}

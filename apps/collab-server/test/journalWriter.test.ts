import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createStorage, StorageError, type JournalAppend, type Storage } from '@coffre/storage';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JournalWriter } from '../src/JournalWriter.ts';

const bytes = (n: number) => new Uint8Array([n, n + 1, n + 2]);

describe('JournalWriter: the guard’s group commit (ADR 0021)', () => {
  let dir: string;
  let storage: Storage;
  let commits: JournalAppend[][];
  let fail: Error | null;

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coffre-journal-'));
    storage = await createStorage({ driver: 'sqlite', dataDir: dir });
    for (const docId of ['doc-a', 'doc-b']) await storage.documents.create({ docId, ownerId: 'u1', createdAt: 1 });
    commits = [];
    fail = null;
    const append = storage.documents.appendUpdates.bind(storage.documents);
    storage.documents.appendUpdates = async (entries) => {
      commits.push([...entries]);
      if (fail) throw fail;
      return append(entries);
    };
  });
  afterEach(async () => {
    await storage.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('writes the updates of one turn of the event loop, of any documents, in one commit, and each resolves once it is stored', async () => {
    const journal = new JournalWriter(storage);
    const stored: string[] = [];
    const writes = [journal.append('doc-a', bytes(1), 1), journal.append('doc-b', bytes(2), 1), journal.append('doc-a', bytes(3), 1)].map((p, i) => p.then(() => stored.push(`#${i}`)));
    expect(commits).toEqual([]); // nothing is written inside the turn that appended
    await Promise.all(writes);
    expect(stored).toEqual(['#0', '#1', '#2']);
    expect(commits.map((c) => c.map((e) => e.docId))).toEqual([['doc-a', 'doc-b', 'doc-a']]);
    expect((await storage.documents.readJournal('doc-a')).map((e) => [...e.bytes])).toEqual([[1, 2, 3], [3, 4, 5]]);
    // A later turn gets a commit of its own: nothing waits on purpose.
    await journal.append('doc-b', bytes(4), 2);
    expect(commits.map((c) => c.length)).toEqual([3, 1]);
    expect((await storage.documents.readJournal('doc-b')).length).toBe(2);
  });

  it('refuses an entry of a missing document with NOT_FOUND and stores the rest of its commit', async () => {
    const journal = new JournalWriter(storage);
    const results = await Promise.allSettled([journal.append('doc-a', bytes(1), 1), journal.append('gone', bytes(2), 1), journal.append('doc-b', bytes(3), 1)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const refused = (results[1] as PromiseRejectedResult).reason;
    expect(refused).toBeInstanceOf(StorageError);
    expect((refused as StorageError).code).toBe('NOT_FOUND');
    expect(commits.length).toBe(1);
    expect((await storage.documents.readJournal('doc-a')).length).toBe(1);
    expect((await storage.documents.readJournal('doc-b')).length).toBe(1);
  });

  it('rejects every entry of a failed commit, stores none of them, and writes the next turn’s entries', async () => {
    const journal = new JournalWriter(storage);
    fail = new Error('disk full');
    const results = await Promise.allSettled([journal.append('doc-a', bytes(1), 1), journal.append('doc-b', bytes(2), 1)]);
    expect(results.map((r) => (r.status === 'rejected' ? (r.reason as Error).message : 'stored'))).toEqual(['disk full', 'disk full']);
    expect(await storage.documents.readJournal('doc-a')).toEqual([]);
    fail = null;
    await journal.append('doc-a', bytes(5), 2);
    expect((await storage.documents.readJournal('doc-a')).map((e) => [...e.bytes])).toEqual([[5, 6, 7]]);
  });

  it('gathers what arrives while a commit waits for the database into the next commit', async () => {
    const journal = new JournalWriter(storage);
    // A transaction of someone else's (a snapshot's commit) holds the database while updates keep coming.
    let release!: () => void;
    const held = storage.transaction(() => new Promise<void>((r) => (release = r)));
    const first = journal.append('doc-a', bytes(1), 1);
    await new Promise((r) => setImmediate(r)); // the first commit has started and waits for the database
    const later = [journal.append('doc-a', bytes(2), 2), journal.append('doc-b', bytes(3), 2)];
    await new Promise((r) => setImmediate(r));
    expect(commits.map((c) => c.length)).toEqual([1]);
    release();
    await held;
    await Promise.all([first, ...later]);
    expect(commits.map((c) => c.length)).toEqual([1, 2]);
    expect((await storage.documents.readJournal('doc-a')).length).toBe(2);
  });
});

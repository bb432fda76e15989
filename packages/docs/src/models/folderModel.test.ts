import '../testing/failOnConsoleError.ts';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createRandom, testSeeds } from '../testing/createRandom.ts';
import { ENTRY_KINDS, isFileEntry, type FolderEntry } from './FolderEntry.ts';
import { addFolderEntry, folderEntries, getFolderEntry, listFolderEntries, updateFolderEntry } from './folderModel.ts';
import { buildDocEntry, buildFileEntry, buildFileVersion } from './testing/buildFolderEntry.ts';

const entry = buildDocEntry();

function sync(from: Y.Doc, to: Y.Doc): void {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
}

describe('folder model', () => {
  it('adds, renames and lists entries; a rename and a touch from two peers merge', () => {
    const a = new Y.Doc();
    addFolderEntry(a, entry);
    const b = new Y.Doc();
    sync(a, b);
    updateFolderEntry(a, 'd1', { title: 'Meeting notes' });
    updateFolderEntry(b, 'd1', { modified: 5 });
    sync(b, a);
    expect(getFolderEntry(a, 'd1')).toEqual({ ...entry, title: 'Meeting notes', modified: 5 });
    expect(listFolderEntries(a)).toHaveLength(1);
  });

  it('round-trips every document kind with its optional fields', () => {
    const d = new Y.Doc();
    const written = ENTRY_KINDS.filter((k) => k !== 'file').map((kind, i) =>
      buildDocEntry({ id: `e${i}`, kind, title: `${kind} ${i}`, epoch: i, role: 'editor', sharedBy: 'bob', trashedAt: 7_000 + i }),
    );
    for (const e of written) addFolderEntry(d, e);
    for (const e of written) expect(getFolderEntry(d, e.id)).toEqual(e);
    expect(listFolderEntries(d).map((e) => e.kind).sort()).toEqual(['calendar', 'chat', 'doc', 'folder', 'sheet']);
  });

  it('round-trips a file with every version, oldest first, through another peer', () => {
    const versions = [buildFileVersion({ version: 1, size: 10 }), buildFileVersion({ version: 2, size: 20, sealedSize: 70, chunkCount: 2, created: 2_000, uploadedBy: 'bob' })];
    const file = buildFileEntry({ versions, size: 20, thumbnail: 'thumb-ref', trashedAt: 3_000 });
    const a = new Y.Doc();
    addFolderEntry(a, file);
    const b = new Y.Doc();
    sync(a, b);
    expect(getFolderEntry(b, 'f1')).toEqual(file);
    const stored = folderEntries(b).get('f1')!.get('versions');
    expect(stored).toBeInstanceOf(Y.Array);
    expect((stored as Y.Array<unknown>).toArray()).toEqual(versions);
  });

  it('stores copies of the versions: mutating the caller’s objects later changes nothing', () => {
    const d = new Y.Doc();
    const file = buildFileEntry();
    addFolderEntry(d, file);
    file.versions[0]!.size = 999;
    file.versions.push(buildFileVersion({ version: 2 }));
    expect(getFolderEntry(d, 'f1')).toEqual(buildFileEntry());
  });

  it('refuses to write an entry that would not read back, and writes nothing', () => {
    const d = new Y.Doc();
    const bad: FolderEntry[] = [
      buildFileEntry({ versions: [] }),
      buildFileEntry({ versions: [buildFileVersion({ version: 0 })] }),
      buildFileEntry({ mime: undefined as unknown as string }),
      buildDocEntry({ key: 'not+base64/url=' }),
      buildDocEntry({ key: '' }),
      buildDocEntry({ epoch: 1.5 }),
      buildDocEntry({ modified: Number.NaN }),
      buildDocEntry({ kind: 'spreadsheet' as 'doc' }),
      buildDocEntry({ role: 'owner' as 'admin' }),
    ];
    for (const e of bad) expect(() => addFolderEntry(d, e), JSON.stringify(e)).toThrow(Error);
    expect(folderEntries(d).size).toBe(0);
  });

  it('reads the current version as the highest number whatever the array order, and takes size from it', () => {
    const d = new Y.Doc();
    addFolderEntry(d, buildFileEntry());
    const m = folderEntries(d).get('f1')!;
    const versions = m.get('versions') as Y.Array<unknown>;
    // A peer's append that arrived out of order, and a stale stored size.
    versions.insert(0, [buildFileVersion({ version: 3, size: 33 })]);
    versions.push([buildFileVersion({ version: 2, size: 22 })]);
    m.set('size', 1);
    const read = getFolderEntry(d, 'f1');
    expect(read && isFileEntry(read) && read.versions.map((v) => v.version)).toEqual([1, 2, 3]);
    expect(read && isFileEntry(read) && read.size).toBe(33);
  });

  it('isFileEntry tells files from documents', () => {
    expect(isFileEntry(buildFileEntry())).toBe(true);
    for (const kind of ENTRY_KINDS.filter((k) => k !== 'file')) expect(isFileEntry(buildDocEntry({ kind }))).toBe(false);
  });
});

describe('updateFolderEntry', () => {
  it('sets trashedAt and a file’s mime, leaving other fields alone', () => {
    const d = new Y.Doc();
    addFolderEntry(d, buildFileEntry());
    updateFolderEntry(d, 'f1', { mime: 'text/plain', trashedAt: 9_000 });
    expect(getFolderEntry(d, 'f1')).toEqual({ ...buildFileEntry(), mime: 'text/plain', trashedAt: 9_000 });
  });

  it('leaves fields the patch leaves undefined, and ignores fields outside the patch type', () => {
    const d = new Y.Doc();
    addFolderEntry(d, buildFileEntry({ trashedAt: 5 }));
    const sneaky = { title: undefined, trashedAt: undefined, id: 'other', kind: 'doc', size: 1, versions: [], sharedBy: 'mallory' };
    updateFolderEntry(d, 'f1', sneaky as never);
    expect(getFolderEntry(d, 'f1')).toEqual(buildFileEntry({ trashedAt: 5 }));
    expect([...folderEntries(d).keys()]).toEqual(['f1']);
  });

  it('throws on a patch that would make the entry unreadable, and writes nothing', () => {
    const d = new Y.Doc();
    addFolderEntry(d, buildDocEntry());
    addFolderEntry(d, buildFileEntry());
    expect(() => updateFolderEntry(d, 'd1', { mime: 'text/plain' })).toThrow(Error);
    expect(() => updateFolderEntry(d, 'd1', { title: 'Renamed', key: 'a+b' })).toThrow(Error);
    expect(() => updateFolderEntry(d, 'f1', { trashedAt: Number.NaN })).toThrow(Error);
    expect(() => updateFolderEntry(d, 'f1', { mime: 42 as unknown as string })).toThrow(Error);
    expect(getFolderEntry(d, 'd1')).toEqual(buildDocEntry());
    expect(getFolderEntry(d, 'f1')).toEqual(buildFileEntry());
    expect(folderEntries(d).get('d1')!.has('mime')).toBe(false);
  });

  it('does nothing for a missing entry', () => {
    const d = new Y.Doc();
    updateFolderEntry(d, 'nope', { title: 'x' });
    expect(folderEntries(d).size).toBe(0);
  });
});

describe('reading hostile or malformed entries', () => {
  type Corruption = [name: string, corrupt: (m: Y.Map<unknown>) => void];
  const common: Corruption[] = [
    ['unknown kind', (m) => m.set('kind', 'spreadsheet')],
    ['missing kind', (m) => m.delete('kind')],
    ['title not a string', (m) => m.set('title', 42)],
    ['title a Y.Text', (m) => m.set('title', new Y.Text('Notes'))],
    ['key not base64url', (m) => m.set('key', 'abc+/=')],
    ['key empty', (m) => m.set('key', '')],
    ['negative epoch', (m) => m.set('epoch', -1)],
    ['epoch beyond u32', (m) => m.set('epoch', 2 ** 32)],
    ['fractional epoch', (m) => m.set('epoch', 1.5)],
    ['created NaN', (m) => m.set('created', Number.NaN)],
    ['modified Infinity', (m) => m.set('modified', Number.POSITIVE_INFINITY)],
    ['modified a string', (m) => m.set('modified', '5')],
    ['unknown role', (m) => m.set('role', 'owner')],
    ['sharedBy not a string', (m) => m.set('sharedBy', 5)],
    ['trashedAt not a number', (m) => m.set('trashedAt', 'yesterday')],
    ['trashedAt null', (m) => m.set('trashedAt', null)],
  ];
  const fileOnly: Corruption[] = [
    ['missing mime', (m) => m.delete('mime')],
    ['size negative', (m) => m.set('size', -1)],
    ['thumbnail not a string', (m) => m.set('thumbnail', 5)],
    ['missing versions', (m) => m.delete('versions')],
    ['versions a plain array', (m) => m.set('versions', [buildFileVersion()])],
    ['versions a Y.Map', (m) => m.set('versions', new Y.Map())],
    ['versions empty', (m) => m.set('versions', new Y.Array())],
    ['a version missing uploadedBy', (m) => (m.get('versions') as Y.Array<unknown>).push([{ ...buildFileVersion({ version: 2 }), uploadedBy: undefined }])],
    ['a version numbered 0', (m) => (m.get('versions') as Y.Array<unknown>).push([buildFileVersion({ version: 0 })])],
    ['a fractional chunkCount', (m) => (m.get('versions') as Y.Array<unknown>).push([buildFileVersion({ version: 2, chunkCount: 1.5 })])],
    ['a version with a short digest', (m) => (m.get('versions') as Y.Array<unknown>).push([buildFileVersion({ version: 2, digest: 'd'.repeat(42) })])],
    ['a version with a long digest', (m) => (m.get('versions') as Y.Array<unknown>).push([buildFileVersion({ version: 2, digest: 'd'.repeat(44) })])],
    ['a version with a digest that is not base64url', (m) => (m.get('versions') as Y.Array<unknown>).push([buildFileVersion({ version: 2, digest: `${'d'.repeat(42)}+` })])],
    ['a version with an empty digest', (m) => (m.get('versions') as Y.Array<unknown>).push([buildFileVersion({ version: 2, digest: '' })])],
    ['a version with a digest that is bytes', (m) => (m.get('versions') as Y.Array<unknown>).push([{ ...buildFileVersion({ version: 2 }), digest: new Uint8Array(32) }])],
    ['a version with a null digest', (m) => (m.get('versions') as Y.Array<unknown>).push([{ ...buildFileVersion({ version: 2 }), digest: null }])],
    ['a version that is a Y.Map', (m) => (m.get('versions') as Y.Array<unknown>).push([new Y.Map()])],
    ['a version that is an array', (m) => (m.get('versions') as Y.Array<unknown>).push([[1, 2]])],
    ['a version that is bytes', (m) => (m.get('versions') as Y.Array<unknown>).push([new Uint8Array(4)])],
    // Decoding assigns keys one by one, so a "__proto__" key becomes the prototype:
    // a valid version there would otherwise read as this record's own fields.
    ['a version with a replaced prototype', (m) => (m.get('versions') as Y.Array<unknown>).push([JSON.parse(`{"__proto__": ${JSON.stringify(buildFileVersion({ version: 2 }))}}`)])],
  ];
  const cases = [
    ...common.map(([name, c]) => [`doc: ${name}`, buildDocEntry({ id: 'x' }), c] as const),
    ...[...common, ...fileOnly].map(([name, c]) => [`file: ${name}`, buildFileEntry({ id: 'x' }), c] as const),
  ];

  it.each(cases)('skips the entry, keeps its neighbours, and never throws: %s', (_name, valid, corrupt) => {
    const author = new Y.Doc();
    addFolderEntry(author, buildDocEntry({ id: 'ok' }));
    addFolderEntry(author, valid);
    const reader = new Y.Doc();
    sync(author, reader);
    expect(getFolderEntry(reader, 'x')).toEqual(valid);
    corrupt(folderEntries(author).get('x')!);
    sync(author, reader);
    expect(getFolderEntry(reader, 'x')).toBeNull();
    expect(listFolderEntries(reader)).toEqual([buildDocEntry({ id: 'ok' })]);
  });

  it('skips values of the entries map that are not Y.Maps', () => {
    const d = new Y.Doc();
    const raw = folderEntries(d) as unknown as Y.Map<unknown>;
    raw.set('s', 'a string');
    raw.set('n', null);
    raw.set('o', { kind: 'doc', title: 'T', key: 'k', epoch: 1, created: 1, modified: 1 });
    raw.set('a', new Y.Array());
    addFolderEntry(d, buildDocEntry());
    expect(listFolderEntries(d)).toEqual([buildDocEntry()]);
    for (const id of ['s', 'n', 'o', 'a', 'missing']) expect(getFolderEntry(d, id)).toBeNull();
  });

  const VALUES = (r: ReturnType<typeof createRandom>): unknown[] => [
    undefined, null, true, r.int(10), -r.int(10), r.next(), Number.NaN, 2 ** 60, r.word(8), '', 'k'.repeat(43),
    ...ENTRY_KINDS, 'viewer', 'owner', [], [1], {}, { version: 1 }, buildFileVersion(), new Uint8Array(3), new Y.Map(), new Y.Text('t'),
  ];
  const FIELDS = ['kind', 'title', 'key', 'epoch', 'created', 'modified', 'role', 'sharedBy', 'trashedAt', 'mime', 'size', 'thumbnail', 'versions'];

  for (const seed of testSeeds([11, 12, 13])) {
    it(`every entry it returns from randomly corrupted content is well formed (seed ${seed}; replay with COFFRE_SEED=${seed})`, () => {
      const r = createRandom(seed);
      const d = new Y.Doc();
      for (let i = 0; i < 300; i += 1) {
        const base = r.chance(0.5) ? buildDocEntry({ id: `e${i}`, kind: r.pick(['folder', 'doc', 'sheet', 'calendar', 'chat'] as const) }) : buildFileEntry({ id: `e${i}` });
        addFolderEntry(d, base);
        const m = folderEntries(d).get(`e${i}`)!;
        for (let k = r.int(3); k > 0; k -= 1) {
          const field = r.pick(FIELDS);
          const value = r.pick(VALUES(r));
          const versions = m.get('versions');
          if (field === 'versions' && versions instanceof Y.Array && value !== undefined && r.chance(0.5)) versions.push([value]);
          else if (value === undefined) m.delete(field);
          else m.set(field, value);
        }
      }
      const copy = new Y.Doc();
      sync(d, copy);
      let read: FolderEntry[] = [];
      expect(() => (read = listFolderEntries(copy)), `seed ${seed}`).not.toThrow();
      expect(read.length, `seed ${seed}: some entries survive`).toBeGreaterThan(30);
      expect(read.length, `seed ${seed}: some entries are refused`).toBeLessThan(300);
      // Well formed = writable as is, and reads back identical.
      const fresh = new Y.Doc();
      for (const e of read) {
        expect(() => addFolderEntry(fresh, e), `seed ${seed} ${e.id}`).not.toThrow();
        expect(getFolderEntry(fresh, e.id), `seed ${seed} ${e.id}`).toEqual(e);
      }
    });
  }
});

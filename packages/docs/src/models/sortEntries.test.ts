import '../testing/failOnConsoleError.ts';
import { describe, expect, it } from 'vitest';
import type { FolderEntry } from './FolderEntry.ts';
import { sortEntries } from './sortEntries.ts';
import { buildDocEntry, buildFileEntry, buildFileVersion } from './testing/buildFolderEntry.ts';

const doc = (id: string, title: string, more: Partial<FolderEntry> = {}) => buildDocEntry({ id, title, ...(more as object) });
const folder = (id: string, title: string, modified = 1) => buildDocEntry({ id, title, kind: 'folder', modified });
const file = (id: string, title: string, size: number, mime = 'application/pdf', modified = 1) =>
  buildFileEntry({ id, title, mime, modified, size, versions: [buildFileVersion({ size })] });
const titles = (entries: FolderEntry[]) => entries.map((e) => e.title);

describe('sortEntries', () => {
  it('orders names naturally, ignoring case and accents', () => {
    const entries = [doc('1', 'file10'), doc('2', 'File2'), doc('3', 'zebra'), doc('4', 'Élan'), doc('5', 'apple'), doc('6', 'file1')];
    expect(titles(sortEntries(entries, 'name', 'asc'))).toEqual(['apple', 'Élan', 'file1', 'File2', 'file10', 'zebra']);
    expect(titles(sortEntries(entries, 'name', 'desc'))).toEqual(['zebra', 'file10', 'File2', 'file1', 'Élan', 'apple']);
  });

  it('puts folders first in both directions, and sorts them among themselves', () => {
    const entries = [doc('1', 'a'), folder('2', 'Zeta'), file('3', 'b.pdf', 1), folder('4', 'alpha')];
    expect(titles(sortEntries(entries, 'name', 'asc'))).toEqual(['alpha', 'Zeta', 'a', 'b.pdf']);
    expect(titles(sortEntries(entries, 'name', 'desc'))).toEqual(['Zeta', 'alpha', 'b.pdf', 'a']);
    expect(titles(sortEntries(entries, 'size', 'desc')).slice(0, 2)).toEqual(['alpha', 'Zeta']);
  });

  it('sorts by modified, with name (ascending) breaking ties', () => {
    const entries = [doc('1', 'b', { modified: 5 }), doc('2', 'c', { modified: 1 }), doc('3', 'a', { modified: 5 }), doc('4', 'd', { modified: 3 })];
    expect(titles(sortEntries(entries, 'modified', 'asc'))).toEqual(['c', 'd', 'a', 'b']);
    expect(titles(sortEntries(entries, 'modified', 'desc'))).toEqual(['a', 'b', 'd', 'c']);
  });

  it('sorts by size, documents counting as 0 bytes', () => {
    const entries = [file('1', 'big', 900), file('2', 'small', 10), doc('3', 'notes'), file('4', 'mid', 100), file('5', 'also mid', 100)];
    expect(titles(sortEntries(entries, 'size', 'asc'))).toEqual(['notes', 'small', 'also mid', 'mid', 'big']);
    expect(titles(sortEntries(entries, 'size', 'desc'))).toEqual(['big', 'also mid', 'mid', 'small', 'notes']);
  });

  it('sorts by kind: document kinds in a fixed order, then files by MIME type', () => {
    const entries = [
      file('1', 'photo', 1, 'image/png'),
      buildDocEntry({ id: '2', title: 'chat', kind: 'chat' }),
      buildDocEntry({ id: '3', title: 'sheet', kind: 'sheet' }),
      file('4', 'paper', 1, 'application/pdf'),
      buildDocEntry({ id: '5', title: 'doc', kind: 'doc' }),
      buildDocEntry({ id: '6', title: 'cal', kind: 'calendar' }),
    ];
    expect(titles(sortEntries(entries, 'kind', 'asc'))).toEqual(['doc', 'sheet', 'cal', 'chat', 'paper', 'photo']);
    expect(titles(sortEntries(entries, 'kind', 'desc'))).toEqual(['photo', 'paper', 'chat', 'cal', 'sheet', 'doc']);
  });

  it('gives one order whatever the input order (names equal under the collator fall back to exact title, then id)', () => {
    const entries = [doc('b', 'Report'), doc('a', 'report'), doc('c', 'Report'), doc('d', 'résumé'), doc('e', 'resume')];
    const expected = titles(sortEntries(entries, 'name', 'asc'));
    const ids = sortEntries(entries, 'name', 'asc').map((e) => e.id);
    expect(ids).toEqual(['b', 'c', 'a', 'e', 'd']);
    for (const shuffled of [[...entries].reverse(), [entries[2]!, entries[0]!, entries[4]!, entries[1]!, entries[3]!]]) {
      expect(titles(sortEntries(shuffled, 'name', 'asc'))).toEqual(expected);
      expect(sortEntries(shuffled, 'name', 'asc').map((e) => e.id)).toEqual(ids);
    }
  });

  it('returns a copy and leaves the input alone', () => {
    const entries = [doc('1', 'b'), doc('2', 'a')];
    const sorted = sortEntries(entries, 'name', 'asc');
    expect(titles(entries)).toEqual(['b', 'a']);
    expect(sorted).not.toBe(entries);
  });
});

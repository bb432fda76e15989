import '../testing/failOnConsoleError.ts';
import { describe, expect, it } from 'vitest';
import { filterEntries } from './filterEntries.ts';
import { buildDocEntry } from './testing/buildFolderEntry.ts';

const entries = ['Résumé 2024', 'resume draft', 'Budget', 'Ångström notes', 'İstanbul trip', 'naïve plan'].map((title, i) => buildDocEntry({ id: `${i}`, title }));
const titlesFor = (query: string) => filterEntries(entries, query).map((e) => e.title);

describe('filterEntries', () => {
  it('matches substrings ignoring case and accents, in both the query and the title', () => {
    expect(titlesFor('resume')).toEqual(['Résumé 2024', 'resume draft']);
    expect(titlesFor('RÉSUMÉ')).toEqual(['Résumé 2024', 'resume draft']);
    expect(titlesFor('angstrom')).toEqual(['Ångström notes']);
    expect(titlesFor('NAIVE')).toEqual(['naïve plan']);
    expect(titlesFor('istanbul')).toEqual(['İstanbul trip']);
    expect(titlesFor('get')).toEqual(['Budget']);
  });

  it('matches composed and decomposed forms alike', () => {
    expect(titlesFor('re\u0301sume\u0301 2024')).toEqual(['Résumé 2024']);
  });

  it('keeps every entry for a blank query, and none when nothing matches', () => {
    expect(filterEntries(entries, '')).toEqual(entries);
    expect(filterEntries(entries, '   ')).toEqual(entries);
    expect(filterEntries(entries, '  budget ')).toEqual([entries[2]]);
    expect(titlesFor('zzz')).toEqual([]);
  });
});

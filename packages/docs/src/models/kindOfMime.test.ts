import '../testing/failOnConsoleError.ts';
import { describe, expect, it } from 'vitest';
import { kindOfMime, type PreviewKind } from './kindOfMime.ts';

const cases: [mime: string, name: string, kind: PreviewKind][] = [
  ['image/png', 'a.png', 'image'],
  ['image/jpeg', 'photo', 'image'],
  ['IMAGE/WEBP', 'x', 'image'],
  ['', 'holiday.JPG', 'image'],
  ['application/octet-stream', 'icon.gif', 'image'],
  ['image/tiff', 'scan.tiff', 'other'],
  ['image/svg+xml', 'logo.svg', 'text'],
  ['image/svg+xml', 'logo', 'text'],
  ['application/pdf', 'paper', 'pdf'],
  ['', 'paper.PDF', 'pdf'],
  ['audio/mpeg', 'song', 'audio'],
  ['', 'voice.m4a', 'audio'],
  ['video/mp4', 'clip', 'video'],
  ['', 'clip.webm', 'video'],
  ['text/plain; charset=utf-8', 'notes', 'text'],
  ['text/html', 'page.html', 'text'],
  ['application/json', 'data', 'text'],
  ['application/ld+json', 'data', 'text'],
  ['application/x-sh', 'run', 'text'],
  ['video/mp2t', 'index.ts', 'text'],
  ['application/octet-stream', 'main.py', 'text'],
  ...['a.ts', 'a.js', 'a.json', 'a.md', 'a.py', 'a.csv', 'a.txt', 'a.yaml', 'a.yml', 'a.html', 'a.css', 'a.sh', 'A.TSX'].map(
    (name) => ['', name, 'text'] as [string, string, PreviewKind],
  ),
  ['', '.env', 'text'],
  ['', '.gitignore', 'text'],
  ['', 'Dockerfile', 'text'],
  ['', 'Makefile', 'text'],
  ['application/zip', 'archive.zip', 'other'],
  ['application/octet-stream', 'blob', 'other'],
  ['', '', 'other'],
  ['', 'x.constructor', 'other'],
  ['', 'x.__proto__', 'other'],
  ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'a.docx', 'other'],
];

describe('kindOfMime', () => {
  it.each(cases)('%j + %j → %s', (mime, name, kind) => {
    expect(kindOfMime(mime, name)).toBe(kind);
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = dirname(fileURLToPath(import.meta.url));

function sourceFiles(dir = ROOT): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'testing' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

const files = sourceFiles().map((path) => ({ name: relative(ROOT, path), source: readFileSync(path, 'utf8') }));
const code = (source: string) => source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');

// Lint-style guards for the rules in security.md §3 (#1, #16, #39) and STYLE.md.
describe('source rules of @coffre/crypto', () => {
  it('finds the sources', () => {
    expect(files.length).toBeGreaterThan(60);
  });

  it('keeps files small', () => {
    for (const { name, source } of files) expect(source.split('\n').length, name).toBeLessThan(300);
  });

  it('uses no Math.random, no libsodium RNG or keygen, no JSON.stringify', () => {
    for (const { name, source } of files) {
      expect(code(source), name).not.toMatch(/Math\.random|randombytes_|_keygen\(|crypto_(sign|box|kx)_keypair\(|JSON\.stringify/);
    }
  });

  it('uses no unauthenticated cipher or stream mode', () => {
    for (const { name, source } of files) {
      expect(code(source), name).not.toMatch(/crypto_stream_|crypto_secretbox_|_detached\(null|AES-CTR|AES-CBC|crypto_aead_chacha20poly1305_encrypt\(/);
    }
  });

  it('checks boolean verify results in one place only', () => {
    const verifiers = files.filter(({ source }) => /crypto_sign_verify_detached\(/.test(code(source))).map(({ name }) => name);
    expect(verifiers.sort()).toEqual(['runSelfTest.ts', 'verifyDetached.ts']);
  });

  it('keeps every kdf context and domain string in contexts.ts', () => {
    for (const { name, source } of files) {
      // isGrantItemKind.ts: 'calendar' is an item kind that merely looks like an 8-byte kdf context
      if (name === 'contexts.ts' || name === 'knownAnswers.ts' || name === 'isGrantItemKind.ts') continue;
      expect(code(source), name).not.toMatch(/'coffre\/|'[a-z_]{8}'(?=\s*[,)])/);
    }
  });
});

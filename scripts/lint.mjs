// Architecture lint: the dependency direction of STYLE.md, declared and used
// imports, libsodium confined to packages/crypto, and no import cycles.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const ALLOWED = {
  '@coffre/crypto': [],
  '@coffre/storage': [],
  '@coffre/docs': ['@coffre/crypto'],
  '@coffre/collab-server': ['@coffre/storage', '@coffre/docs'],
  '@coffre/web': ['@coffre/crypto', '@coffre/docs', '@coffre/storage'],
  '@coffre/e2e': ['@coffre/web', '@coffre/collab-server'],
  '@coffre/bench': ['@coffre/crypto', '@coffre/docs', '@coffre/storage', '@coffre/collab-server'],
};
// Test files may also use these, to play a real client against the server (devDependencies).
const ALLOWED_IN_TESTS = { '@coffre/collab-server': ['@coffre/crypto', '@coffre/docs'] };
const isTestFile = (rel) => /[/\\]test[/\\]|\.test\.ts$/.test(rel);
const DIRS = { '@coffre/crypto': 'packages/crypto', '@coffre/storage': 'packages/storage', '@coffre/docs': 'packages/docs', '@coffre/collab-server': 'apps/collab-server', '@coffre/web': 'apps/web', '@coffre/e2e': 'e2e', '@coffre/bench': 'bench' };
const errors = [];

function sourceFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (['node_modules', 'build', 'dist', '.react-router', 'artifacts'].includes(e.name)) return [];
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.(ts|tsx|mjs)$/.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}
const importRe = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm;
// Type-only imports vanish at run time, so they neither break direction at run time nor form cycles.
const importsOf = (text) => [...text.matchAll(importRe)].filter((m) => !/^\s*(import|export)\s+type\s/.test(m[0])).map((m) => m[1] ?? m[2] ?? m[3]);

for (const [name, dir] of Object.entries(DIRS)) {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, dir, 'package.json'), 'utf8'));
  const declared = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies, ...pkg.peerDependencies }).filter((d) => d.startsWith('@coffre/'));
  const testOnly = ALLOWED_IN_TESTS[name] ?? [];
  for (const d of declared) {
    const ok = ALLOWED[name].includes(d) || (testOnly.includes(d) && Object.hasOwn(pkg.devDependencies ?? {}, d) && !Object.hasOwn(pkg.dependencies ?? {}, d));
    if (!ok) errors.push(`${dir}/package.json: ${name} may not depend on ${d}`);
  }
  const graph = new Map();
  for (const file of sourceFiles(path.join(root, dir))) {
    const rel = path.relative(root, file);
    const local = [];
    for (const spec of importsOf(fs.readFileSync(file, 'utf8'))) {
      if (spec.startsWith('libsodium') && name !== '@coffre/crypto' && name !== '@coffre/bench') errors.push(`${rel}: only packages/crypto imports libsodium`);
      if (spec.startsWith('@coffre/')) {
        const target = spec.split('/').slice(0, 2).join('/');
        if (!declared.includes(target)) errors.push(`${rel}: imports ${target}, which ${dir}/package.json does not declare`);
        if (testOnly.includes(target) && !ALLOWED[name].includes(target) && !isTestFile(rel)) errors.push(`${rel}: ${target} is for ${dir}'s tests only`);
        if (name === '@coffre/collab-server' && target === '@coffre/docs' && spec !== '@coffre/docs/wire' && !isTestFile(rel)) errors.push(`${rel}: the collab server may import only @coffre/docs/wire`);
        if (name === '@coffre/web' && target === '@coffre/storage' && !/(\.server\.ts$|[/\\]server[/\\])/.test(rel)) errors.push(`${rel}: storage is for server modules only`);
        if (name === '@coffre/web' && target === '@coffre/crypto' && /[/\\]server[/\\]/.test(rel) && spec !== '@coffre/crypto' && spec !== '@coffre/crypto/opaque-server') errors.push(`${rel}: unexpected crypto import ${spec}`);
      }
      if (spec.startsWith('.')) local.push(path.resolve(path.dirname(file), spec));
    }
    graph.set(file, local);
  }
  // Cycles between modules of this workspace.
  const state = new Map();
  const visit = (f, stack) => {
    if (state.get(f) === 'done') return;
    if (state.get(f) === 'open') {
      errors.push(`import cycle: ${stack.slice(stack.indexOf(f)).concat(f).map((p) => path.relative(root, p)).join(' -> ')}`);
      return;
    }
    state.set(f, 'open');
    for (const dep of graph.get(f) ?? []) if (graph.has(dep)) visit(dep, [...stack, f]);
    state.set(f, 'done');
  };
  for (const f of graph.keys()) visit(f, []);
}

// Cycles between workspaces.
const seen = new Set();
const walk = (n, stack) => {
  if (stack.includes(n)) return errors.push(`workspace cycle: ${[...stack, n].join(' -> ')}`);
  if (seen.has(n)) return;
  seen.add(n);
  for (const d of ALLOWED[n] ?? []) walk(d, [...stack, n]);
};
Object.keys(ALLOWED).forEach((n) => walk(n, []));

if (errors.length) {
  console.error(`lint: ${errors.length} problem(s)\n` + errors.map((e) => `  ${e}`).join('\n'));
  process.exit(1);
}
console.log('lint: dependency direction, declared imports, libsodium confinement and cycles OK');

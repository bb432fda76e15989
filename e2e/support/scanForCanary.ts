import fs from 'node:fs';
import path from 'node:path';

/** The canary in every encoding a leak could take: raw, UTF-16, hex, base64 (any alignment), URL and JSON escaping. */
export function canaryEncodings(canary: string): Buffer[] {
  const raw = Buffer.from(canary, 'utf8');
  const forms = [raw, Buffer.from(canary, 'utf16le'), Buffer.from(raw.toString('hex')), Buffer.from(raw.toString('hex').toUpperCase())];
  forms.push(Buffer.from(encodeURIComponent(canary)), Buffer.from(JSON.stringify(canary).slice(1, -1)));
  for (let shift = 0; shift < 3; shift++) {
    const padded = Buffer.concat([Buffer.alloc(shift), raw]);
    for (const enc of ['base64', 'base64url'] as const) {
      // Drop the characters that depend on the neighbouring bytes.
      const s = padded.toString(enc).replace(/=+$/, '');
      const start = Math.ceil((shift * 4) / 3);
      const inner = s.slice(start, s.length - 2);
      if (inner.length >= 8) forms.push(Buffer.from(inner));
    }
  }
  return forms;
}

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(p) : e.isFile() ? [p] : [];
  });
}

/** Returns where the canary was found (empty when nowhere): files under dirs, single files, and captured strings. */
export function scanForCanary(canary: string, where: { dirs?: string[]; files?: string[]; captured?: Record<string, string[]> }): string[] {
  const needles = canaryEncodings(canary);
  const hits: string[] = [];
  const check = (label: string, hay: Buffer) => {
    if (needles.some((n) => hay.includes(n))) hits.push(label);
  };
  for (const file of [...(where.dirs ?? []).flatMap(filesUnder), ...(where.files ?? [])]) {
    if (fs.existsSync(file)) check(file, fs.readFileSync(file));
  }
  for (const [label, items] of Object.entries(where.captured ?? {})) {
    items.forEach((item, i) => check(`${label}[${i}]`, Buffer.from(item, 'latin1')));
  }
  return hits;
}

/** Everything the server kept or received in a browser test: data dir, logs, every request and WebSocket frame. */
export function scanServerAndTraffic(canary: string, where: { dataDir: string; logFiles: string[]; traffics: Array<{ bodies: string[]; urls: string[]; wsFrames: string[] }> }): string[] {
  return scanForCanary(canary, {
    dirs: [where.dataDir],
    files: where.logFiles,
    captured: Object.fromEntries(where.traffics.flatMap((t, i) => [[`bodies${i}`, t.bodies], [`urls${i}`, t.urls], [`ws${i}`, t.wsFrames]])),
  });
}

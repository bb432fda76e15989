import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanForCanary } from './scanForCanary.ts';

// The scanner is what every canary test stands on, so it is tested on planted leaks.
describe('scanForCanary', () => {
  const canary = 'CANARY-q8Zp-Leak-4711';
  it('finds a planted canary in every encoding, in files and captured traffic', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'canary-'));
    const raw = Buffer.from(canary);
    const forms = [
      raw,
      Buffer.from(canary, 'utf16le'),
      Buffer.from(raw.toString('hex')),
      Buffer.from('xx' + Buffer.concat([Buffer.from('a'), raw]).toString('base64') + 'yy'),
      Buffer.from(Buffer.concat([Buffer.from('ab'), raw, Buffer.from('z')]).toString('base64url')),
      Buffer.from(encodeURIComponent(canary)),
    ];
    forms.forEach((f, i) => fs.writeFileSync(path.join(dir, `f${i}`), Buffer.concat([Buffer.from('junk'), f, Buffer.from('junk')])));
    fs.writeFileSync(path.join(dir, 'clean'), 'nothing to see');
    const hits = scanForCanary(canary, { dirs: [dir], captured: { ws: ['{"x":"' + canary + '"}', 'clean'] } });
    expect(hits.sort()).toEqual([...forms.map((_, i) => path.join(dir, `f${i}`)), 'ws[0]'].sort());
    fs.rmSync(dir, { recursive: true });
  });
});

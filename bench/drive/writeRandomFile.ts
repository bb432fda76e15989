import { randomBytes } from 'node:crypto';
import fs from 'node:fs';

/** Writes `mib` MiB of random bytes (incompressible, like the sealed form) to `file`. */
export function writeRandomFile(file: string, mib: number): void {
  const fd = fs.openSync(file, 'w');
  try {
    for (let i = 0; i < mib; i++) fs.writeSync(fd, randomBytes(2 ** 20));
  } finally {
    fs.closeSync(fd);
  }
}

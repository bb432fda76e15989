import { createHash } from 'node:crypto';
import fs from 'node:fs';

/** Hex SHA-256 of a file, read as a stream (the benchmark's files are hundreds of MiB). */
export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 4 * 2 ** 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

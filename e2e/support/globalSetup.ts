import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { startSuite } from './startSuite.ts';

/**
 * Starts the real web server (production build) and the real collab server
 * on their own ports with a fresh data directory, logging to files that the
 * canary scans read.
 */
export default async function setup(project: TestProject) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coffre-e2e-'));
  const webPort = Number(process.env.E2E_WEB_PORT ?? 3100);
  const collabPort = Number(process.env.E2E_COLLAB_PORT ?? 1235);
  const artifacts = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../artifacts');
  // A fresh log per run (startSuite appends, so that a restart keeps the earlier lines).
  for (const name of ['web.log', 'collab.log']) fs.rmSync(path.join(artifacts, name), { force: true });
  const suite = await startSuite({ dataDir, webPort, collabPort });
  project.provide('baseUrl', suite.baseUrl);
  project.provide('dataDir', dataDir);
  project.provide('logFiles', suite.logFiles);
  return async () => {
    await suite.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    dataDir: string;
    logFiles: string[];
  }
}

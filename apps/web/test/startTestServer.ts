import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../server/config.server.ts';
import { createApp } from '../server/createApp.server.ts';
import { createLogger } from '../server/createLogger.server.ts';
import { createServices } from '../server/createServices.server.ts';
import type { Services } from '../server/Services.ts';

export type TestServer = { url: string; services: Services; logLines: string[]; stop(): Promise<void> };

/** The real Express app and SQLite storage in a temp data dir, on port 0, without the UI. */
export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coffre-web-test-'));
  const logLines: string[] = [];
  const config = loadConfig({ COFFRE_DATA_DIR: dataDir, NODE_ENV: 'production', ...env });
  const services = await createServices(config, createLogger('web', (l) => logLines.push(l)));
  const server = createApp(services).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    services,
    logLines,
    async stop() {
      await new Promise((r) => server.close(r));
      await services.storage.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

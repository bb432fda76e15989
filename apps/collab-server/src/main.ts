import { initWire } from '@coffre/docs/wire';
import { createStorage } from '@coffre/storage';
import { loadConfig } from './config.ts';
import { createCollabServer } from './createCollabServer.ts';

const config = loadConfig();
await initWire(); // known-answer self-test; the guard verifies signatures
const storage = await createStorage({ driver: 'sqlite', dataDir: config.dataDir });
const server = createCollabServer({ port: config.port, host: config.host, storage, secureCookies: config.secureCookies });
await server.listen();
process.stdout.write(JSON.stringify({ t: new Date().toISOString(), level: 'info', service: 'collab', event: 'collab.listening', url: `ws://${config.host}:${server.address.port}` }) + '\n');

const stop = async () => {
  await server.destroy(); // flushes debounced stores
  await storage.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());

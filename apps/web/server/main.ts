import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express from 'express';
import { createRequestHandler } from '@react-router/express';
import type { ServerBuild } from 'react-router';
import { loadConfig } from './config.server.ts';
import { createApp } from './createApp.server.ts';
import { createServices } from './createServices.server.ts';
import { findSession } from './requireSession.server.ts';
import { sweepAbandonedUploads } from './sweepAbandonedUploads.server.ts';
import type { Services } from './Services.ts';

const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function uiHandlers(services: Services) {
  const getLoadContext = (req: express.Request, res: express.Response) => ({
    // Dev allows inline scripts and Vite's critical-CSS <style> would mismatch on hydration, so no nonce there.
    cspNonce: services.config.production ? String(res.locals.cspNonce ?? '') : '',
    collabPort: services.config.collabPort,
    collabPublicUrl: services.config.collabPublicUrl,
    hasSession: async () => (await findSession(services, req)) !== null,
  });
  if (!services.config.production) {
    const vite = await import('vite').then((v) => v.createServer({ root: appDir, server: { middlewareMode: true } }));
    return [
      vite.middlewares,
      createRequestHandler({
        build: () => vite.ssrLoadModule('virtual:react-router/server-build') as Promise<ServerBuild>,
        getLoadContext,
      }),
    ];
  }
  const build = (await import(path.join(appDir, 'build/server/index.js'))) as ServerBuild;
  return [
    express.static(path.join(appDir, 'build/client'), {
      index: false,
      setHeaders: (res, file) => {
        // Hashed file names under assets/ never change; the download relay worker is checked for updates on every registration.
        const cache = file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : path.basename(file) === 'download-worker.js' ? 'no-cache' : 'public, max-age=3600';
        res.setHeader('Cache-Control', cache);
      },
    }),
    createRequestHandler({ build, getLoadContext }),
  ];
}

const config = loadConfig();
const services = await createServices(config);
const app = createApp(services, await uiHandlers(services));
const server = app.listen(config.port, config.host, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  services.log.info('web.listening', { url: `http://${config.host}:${port}`, dataDir: config.dataDir, mode: config.production ? 'production' : 'development' });
});

// Expired sessions, pending logins and old rate-limit windows are purged every few minutes.
const purge = setInterval(() => {
  const now = Date.now();
  void Promise.all([services.storage.sessions.deleteExpired(now), services.storage.ephemeral.purge(now), services.storage.rateLimits.purge(now), sweepAbandonedUploads(services)]).catch(
    (e: Error) => services.log.error('purge.failed', { name: e.name }),
  );
}, 5 * 60_000);
purge.unref();

const stop = () => {
  server.close(() => void services.storage.close().then(() => process.exit(0)));
  setTimeout(() => process.exit(0), 3000).unref();
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

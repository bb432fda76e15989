import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import { ZodError } from 'zod';
import { CryptoError } from '@coffre/crypto';
import { ApiError } from './ApiError.ts';
import { accountRoutes } from './api/accountRoutes.server.ts';
import { authRoutes } from './api/authRoutes.server.ts';
import { docsRoutes } from './api/docsRoutes.server.ts';
import { filesRoutes } from './api/filesRoutes.server.ts';
import { linksRoutes } from './api/linksRoutes.server.ts';
import { sharingRoutes } from './api/sharingRoutes.server.ts';
import { csrfGuard } from './csrfGuard.server.ts';
import { LIMITS } from './limits.ts';
import { securityHeaders } from './securityHeaders.server.ts';
import type { Services } from './Services.ts';

/**
 * The Express app: security headers, the JSON API under /api, then whatever
 * serves the UI (React Router's handler, static assets) passed in by the caller.
 */
export function createApp(services: Services, ui: RequestHandler[] = []): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  const { config, log } = services;
  const collabOrigins = config.collabPublicUrl ? [new URL(config.collabPublicUrl).origin] : [`ws://${config.host}:${config.collabPort}`, `ws://localhost:${config.collabPort}`];
  app.use(securityHeaders({ production: config.production, collabOrigins }));

  app.use((req, res, next) => {
    const started = process.hrtime.bigint();
    const urlPath = req.originalUrl.split('?')[0]!;
    res.on('finish', () => {
      // Path only: API paths carry ids, never secrets; query strings are dropped.
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (urlPath.startsWith('/api/')) log.info('http', { method: req.method, path: urlPath, status: res.statusCode, ms: Math.round(ms) });
    });
    next();
  });

  const api = express.Router();
  api.use((_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  api.use(csrfGuard(config.publicOrigin));
  api.use(express.json({ limit: LIMITS.MAX_JSON_BODY_BYTES, type: 'application/json' }));
  api.get('/health', (_req, res) => {
    res.json({ ok: true });
  });
  api.use('/auth', authRoutes(services));
  api.use('/account', accountRoutes(services));
  api.use('/docs', docsRoutes(services));
  // Before the session-only routers: some link routes are public.
  api.use('/', linksRoutes(services));
  api.use('/', sharingRoutes(services));
  api.use('/', filesRoutes(services));
  api.use((_req, _res, next) => next(new ApiError(404, 'NOT_FOUND', 'No such API endpoint.')));
  const onError: ErrorRequestHandler = (err, req, res, _next) => {
    if (err instanceof ApiError) {
      if (err.retryAfterSeconds) res.setHeader('Retry-After', String(err.retryAfterSeconds));
      res.status(err.status).json({ code: err.code, message: err.message, retryAfterSeconds: err.retryAfterSeconds });
    } else if (err instanceof ZodError || err instanceof CryptoError) {
      // CryptoError here means a malformed OPAQUE message from the client.
      res.status(400).json({ code: 'BAD_REQUEST', message: 'The request was malformed.' });
    } else if (err?.type === 'entity.too.large') {
      res.status(413).json({ code: 'PAYLOAD_TOO_LARGE', message: 'The request was too large.' });
    } else if (err?.type === 'entity.parse.failed') {
      res.status(400).json({ code: 'BAD_REQUEST', message: 'The request was malformed.' });
    } else {
      log.error('http.error', { path: req.path, name: err?.name ?? 'unknown', code: err?.code ?? null });
      res.status(500).json({ code: 'INTERNAL', message: 'Something went wrong on the server. Nothing was changed.' });
    }
  };
  api.use(onError);
  app.use('/api', api);

  for (const handler of ui) app.use(handler);
  return app;
}

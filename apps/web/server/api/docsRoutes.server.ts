import { Router } from 'express';
import { z } from 'zod';
import { StorageError } from '@coffre/storage';
import { ApiError } from '../ApiError.ts';
import { requireSession, type Authed } from '../requireSession.server.ts';
import type { Services } from '../Services.ts';

const DocId = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);

/**
 * Registers encrypted documents so the collab server knows who may open
 * them. The server learns an id and an owner; everything else is inside.
 */
export function docsRoutes(services: Services): Router {
  const r = Router();
  const { storage, log } = services;
  r.use(requireSession(services));

  /** Idempotent for the owner, so a client can ensure its root folder exists. */
  r.post('/', async (req, res) => {
    const { session } = res.locals as Authed;
    const { docId } = z.object({ docId: DocId }).parse(req.body);
    try {
      await storage.documents.create({ docId, ownerId: session.userId, createdAt: services.now() });
      log.info('doc.created', { userId: session.userId, docId });
      res.status(201).json({ docId });
    } catch (e) {
      if (!(e instanceof StorageError && e.code === 'DUPLICATE')) throw e;
      const existing = await storage.documents.get(docId);
      if (existing?.ownerId !== session.userId) throw new ApiError(409, 'DOC_EXISTS', 'That document id is taken.');
      res.json({ docId });
    }
  });

  return r;
}

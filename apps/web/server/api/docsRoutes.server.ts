import { Router } from 'express';
import { z } from 'zod';
import { MAX_TREE_DEPTH, StorageError, isSameOrUnder } from '@coffre/storage';
import { ApiError } from '../ApiError.ts';
import { releaseFileVersions } from '../releaseFileVersions.server.ts';
import { hasRole, itemRole } from '../itemRole.server.ts';
import { requireSession, type Authed } from '../requireSession.server.ts';
import type { Services } from '../Services.ts';

const DocId = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);

/**
 * Registers encrypted documents (folders included) so the collab server
 * knows who may open them. The server learns an id, an owner and the id of
 * the folder it sits in (access is inherited down that tree, ADR 0007);
 * names, kinds and keys stay inside the encrypted folders.
 */
export function docsRoutes(services: Services): Router {
  const r = Router();
  const { storage, log } = services;
  r.use(requireSession(services));
  const me = (locals: Record<string, unknown>) => (locals as Authed).session.userId;

  async function requireEditorOf(folderId: string, userId: string): Promise<void> {
    if (!hasRole(await itemRole(storage, folderId, userId), 'editor')) throw new ApiError(403, 'FORBIDDEN', 'You cannot add items to this folder.');
  }

  /** Idempotent for the owner, so a client can ensure its root folder exists. */
  r.post('/', async (req, res) => {
    const userId = me(res.locals);
    const { docId, parentId } = z.object({ docId: DocId, parentId: DocId.optional() }).parse(req.body);
    if (parentId) await requireEditorOf(parentId, userId);
    try {
      await storage.documents.create({ docId, ownerId: userId, parentId: parentId ?? null, createdAt: services.now() });
      log.info('doc.created', { userId, docId, parentId: parentId ?? null });
      res.status(201).json({ docId });
    } catch (e) {
      if (!(e instanceof StorageError && e.code === 'DUPLICATE')) throw e;
      const existing = await storage.documents.getSummary(docId);
      if (existing?.ownerId !== userId) throw new ApiError(409, 'DOC_EXISTS', 'That document id is taken.');
      res.json({ docId });
    }
  });

  /** Moves a document or folder: edit rights where it is and where it goes. A folder never moves into itself. */
  r.post('/:docId/move', async (req, res) => {
    const docId = DocId.parse(req.params.docId);
    const { parentId } = z.object({ parentId: DocId }).parse(req.body);
    const userId = me(res.locals);
    const doc = await storage.documents.getSummary(docId);
    if (!doc || !hasRole(await itemRole(storage, docId, userId), 'editor')) throw new ApiError(404, 'NOT_FOUND', 'No such document.');
    await requireEditorOf(parentId, userId);
    if (await isSameOrUnder(storage.documents, parentId, docId)) throw new ApiError(400, 'BAD_REQUEST', 'A folder cannot go inside itself.');
    await storage.documents.setParent(docId, parentId);
    log.info('doc.moved', { userId, docId, parentId });
    res.json({ ok: true });
  });

  /**
   * Deletes a document forever: its owner, or an editor of the folder it is
   * in. Everything under it goes too, down the tree: a folder's documents,
   * sub-folders and files, an item's chat room, a document's images; every
   * file's bytes go back to its owner's quota.
   */
  r.delete('/:docId', async (req, res) => {
    const docId = DocId.parse(req.params.docId);
    const userId = me(res.locals);
    const doc = await storage.documents.getSummary(docId);
    if (!doc) return void res.json({ ok: true });
    const allowed = doc.ownerId === userId || (doc.parentId !== null && hasRole(await itemRole(storage, doc.parentId, userId), 'editor'));
    if (!allowed) throw new ApiError(403, 'FORBIDDEN', 'You cannot delete this document.');
    let documents = 0;
    let files = 0;
    // Breadth first, bounded like every walk of the tree; the item itself first, so access to the rest goes at once.
    for (let level = [docId], depth = 0; level.length > 0 && depth < MAX_TREE_DEPTH; depth++) {
      const next: string[] = [];
      for (const id of level) {
        next.push(...(await storage.documents.listIdsByParent(id)));
        const snapshots = await storage.snapshots.list(id);
        if (await storage.documents.delete(id)) documents++;
        for (const s of snapshots) await storage.blobs.delete(s.blobKey);
        for (const fileId of await storage.files.listIdsByParent(id)) {
          const file = await storage.files.get(fileId);
          if (file) await releaseFileVersions(storage, file.ownerId, await storage.files.delete(fileId));
          files++;
        }
      }
      level = next;
    }
    log.info('doc.deleted', { userId, docId, documents, files });
    res.json({ ok: true });
  });

  return r;
}

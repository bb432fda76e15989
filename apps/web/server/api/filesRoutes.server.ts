import { Router } from 'express';
import { z } from 'zod';
import type { FileRecord, FileVersionRecord } from '@coffre/storage';
import { ApiError } from '../ApiError.ts';
import { chunkBlobKey } from '../chunkBlobKey.ts';
import { hasRole, itemRole } from '../itemRole.server.ts';
import { requireSession, type Authed } from '../requireSession.server.ts';
import { releaseFileVersions } from '../releaseFileVersions.server.ts';
import type { Services } from '../Services.ts';
import { ChunkIndex, FileId, Version, fileUploadRoutes } from './fileUploadRoutes.server.ts';

/**
 * Encrypted file uploads and downloads. The browser seals each 4 MiB chunk
 * (AAD binds file id, version, index and the final flag) and the server keeps
 * opaque chunks under opaque ids. A version is charged to the file's owner
 * before any body is accepted and becomes readable in one commit; any chunk
 * may be re-sent, so an upload resumes from whatever the server recorded.
 */
export function filesRoutes(services: Services): Router {
  const r = Router();
  const { storage, log } = services;
  r.use(requireSession(services));
  const me = (locals: Record<string, unknown>) => (locals as Authed).session.userId;

  async function loadFile(fileId: string, userId: string, min: 'viewer' | 'editor'): Promise<FileRecord> {
    const file = await storage.files.get(fileId);
    // Same answer for missing and forbidden: ids are not an oracle.
    if (!file || !hasRole(await itemRole(storage, file.parentId, userId), min)) {
      if (file && min === 'editor' && hasRole(await itemRole(storage, file.parentId, userId), 'viewer')) {
        throw new ApiError(403, 'FORBIDDEN', 'You can view this file but not change it.');
      }
      throw new ApiError(404, 'NOT_FOUND', 'No such file.');
    }
    return file;
  }

  async function loadVersion(fileId: string, version: number): Promise<FileVersionRecord> {
    const v = await storage.files.getVersion(fileId, version);
    if (!v) throw new ApiError(404, 'NOT_FOUND', 'No such file version.');
    return v;
  }

  /** Usage against the caller's quota. */
  r.get('/usage', async (_req, res) => {
    const usage = await storage.quota.usage(me(res.locals));
    res.json({ used: usage.used, limit: usage.limit ?? services.config.quotaBytes });
  });

  /** Uploads by a member: a new file needs edit rights on its folder, and is charged to its uploader. */
  r.use(
    fileUploadRoutes(services, '/files', async (_req, res) => {
      const userId = me(res.locals);
      return {
        id: userId,
        logFields: { userId },
        quotaExceeded: 'This upload would go over your storage quota. Free some space or ask for more.',
        loadFile: (fileId, min) => loadFile(fileId, userId, min),
        async ownerForNewFile(parentId) {
          if (!hasRole(await itemRole(storage, parentId, userId), 'editor')) throw new ApiError(403, 'FORBIDDEN', 'You cannot add files to this folder.');
          return userId;
        },
      };
    }),
  );

  r.get('/files/:fileId/versions/:version/chunks/:index', async (req, res) => {
    const fileId = FileId.parse(req.params.fileId);
    const version = Version.parse(req.params.version);
    const index = ChunkIndex.parse(req.params.index);
    const userId = me(res.locals);
    await loadFile(fileId, userId, 'viewer');
    const v = await loadVersion(fileId, version);
    if (v.state !== 'complete' && v.uploaderId !== userId) throw new ApiError(404, 'NOT_FOUND', 'No such file version.');
    const stat = await storage.blobs.stat(chunkBlobKey(fileId, version, index));
    const body = stat && (await storage.blobs.get(chunkBlobKey(fileId, version, index)));
    if (!stat || !body) throw new ApiError(404, 'NOT_FOUND', 'No such chunk.');
    res.setHeader('Content-Type', 'application/octet-stream');
    res.setHeader('Content-Length', String(stat.size));
    for await (const part of body) if (!res.write(part)) await new Promise((ok) => res.once('drain', ok));
    res.end();
  });

  /** Moves a file to another folder: edit rights on both. */
  r.post('/files/:fileId/move', async (req, res) => {
    const fileId = FileId.parse(req.params.fileId);
    const { parentId } = z.object({ parentId: FileId }).parse(req.body);
    const userId = me(res.locals);
    await loadFile(fileId, userId, 'editor');
    if (!hasRole(await itemRole(storage, parentId, userId), 'editor')) throw new ApiError(403, 'FORBIDDEN', 'You cannot add files to that folder.');
    await storage.files.setParent(fileId, parentId);
    res.json({ ok: true });
  });

  /** Cancels an upload or deletes one version; the owner gets the bytes back. */
  r.delete('/files/:fileId/versions/:version', async (req, res) => {
    const fileId = FileId.parse(req.params.fileId);
    const version = Version.parse(req.params.version);
    const userId = me(res.locals);
    const file = await loadFile(fileId, userId, 'editor');
    const removed = await storage.files.deleteVersion(fileId, version);
    if (removed) await releaseFileVersions(storage, file.ownerId, [removed]);
    log.info('file.version-deleted', { userId, fileId, version });
    res.json({ ok: true });
  });

  /** Deletes a file forever, every version. */
  r.delete('/files/:fileId', async (req, res) => {
    const fileId = FileId.parse(req.params.fileId);
    const userId = me(res.locals);
    const file = await loadFile(fileId, userId, 'editor');
    const removed = await storage.files.delete(fileId);
    await releaseFileVersions(storage, file.ownerId, removed);
    log.info('file.deleted', { userId, fileId, versions: removed.length });
    res.json({ ok: true });
  });

  return r;
}


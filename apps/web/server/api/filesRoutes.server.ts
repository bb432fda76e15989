import { Router, type Request } from 'express';
import { z } from 'zod';
import { StorageError, type FileRecord, type FileVersionRecord } from '@coffre/storage';
import { ApiError } from '../ApiError.ts';
import { chunkBlobKey } from '../chunkBlobKey.ts';
import { hasRole, itemRole } from '../itemRole.server.ts';
import { LIMITS } from '../limits.ts';
import { requireSession, type Authed } from '../requireSession.server.ts';
import { releaseFileVersions } from '../releaseFileVersions.server.ts';
import type { Services } from '../Services.ts';

const Id = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);
const Version = z.coerce.number().int().min(1).max(1_000_000);
const Index = z.coerce.number().int().min(0).max(LIMITS.MAX_CHUNKS_PER_VERSION - 1);

const wireVersion = (v: FileVersionRecord) => ({ version: v.version, state: v.state, chunkCount: v.chunkCount, size: v.size, createdAt: v.createdAt, completedAt: v.completedAt });

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

  /**
   * Starts a version: version 1 creates the file in `parentId` (the caller
   * needs edit rights there). The sealed size is charged now, or nothing is.
   */
  r.post('/files', async (req, res) => {
    const body = z
      .object({ fileId: Id, parentId: Id, version: Version, chunkCount: z.number().int().min(1).max(LIMITS.MAX_CHUNKS_PER_VERSION), size: z.number().int().min(1) })
      .parse(req.body);
    if (body.size > body.chunkCount * LIMITS.MAX_SEALED_CHUNK_BYTES) throw new ApiError(400, 'BAD_REQUEST', 'The declared size does not fit the chunk count.');
    const userId = me(res.locals);
    const existing = await storage.files.get(body.fileId);
    if (existing) await loadFile(body.fileId, userId, 'editor');
    else if (!hasRole(await itemRole(storage, body.parentId, userId), 'editor')) throw new ApiError(403, 'FORBIDDEN', 'You cannot add files to this folder.');
    const now = services.now();
    try {
      const version = await storage.transaction(async (tx) => {
        if (!existing) await tx.files.create({ fileId: body.fileId, ownerId: userId, parentId: body.parentId, createdAt: now });
        const ownerId = existing?.ownerId ?? userId;
        const v = await tx.files.beginVersion({ fileId: body.fileId, version: body.version, uploaderId: userId, chunkCount: body.chunkCount, size: body.size, createdAt: now });
        await tx.quota.charge(ownerId, body.size, services.config.quotaBytes);
        return v;
      });
      log.info('file.upload-started', { userId, fileId: body.fileId, version: body.version, chunks: body.chunkCount, bytes: body.size });
      res.status(201).json({ ...wireVersion(version), chunks: [] });
    } catch (e) {
      if (e instanceof StorageError && e.code === 'QUOTA_EXCEEDED') {
        throw new ApiError(413, 'QUOTA_EXCEEDED', 'This upload would go over your storage quota. Free some space or ask for more.');
      }
      if (e instanceof StorageError && e.code === 'DUPLICATE') throw new ApiError(409, 'VERSION_EXISTS', 'That file version exists already.');
      throw e;
    }
  });

  /** A version's state and the chunks the server holds: where an upload resumes. */
  r.get('/files/:fileId/versions/:version', async (req, res) => {
    const fileId = Id.parse(req.params.fileId);
    const version = Version.parse(req.params.version);
    await loadFile(fileId, me(res.locals), 'viewer');
    const v = await loadVersion(fileId, version);
    res.json({ ...wireVersion(v), chunks: await storage.files.listChunks(fileId, version) });
  });

  r.put('/files/:fileId/versions/:version/chunks/:index', async (req, res) => {
    const fileId = Id.parse(req.params.fileId);
    const version = Version.parse(req.params.version);
    const index = Index.parse(req.params.index);
    const userId = me(res.locals);
    const declared = Number(req.headers['content-length'] ?? NaN);
    // Refused before a byte of the body is read.
    if (!(declared > 0) || declared > LIMITS.MAX_SEALED_CHUNK_BYTES) throw new ApiError(413, 'PAYLOAD_TOO_LARGE', 'A file chunk was too large.');
    await loadFile(fileId, userId, 'editor');
    const v = await loadVersion(fileId, version);
    if (v.uploaderId !== userId) throw new ApiError(403, 'FORBIDDEN', 'Someone else is uploading this version.');
    if (v.state !== 'uploading') throw new ApiError(409, 'UPLOAD_CLOSED', 'This version is complete; it cannot change.');
    if (index >= v.chunkCount) throw new ApiError(400, 'BAD_REQUEST', 'Chunk index out of range.');
    const others = (await storage.files.listChunks(fileId, version)).filter((c) => c.index !== index).reduce((n, c) => n + c.size, 0);
    if (others + declared > v.size) throw new ApiError(413, 'PAYLOAD_TOO_LARGE', 'The chunks add up to more than the declared size.');
    const key = chunkBlobKey(fileId, version, index);
    let size: number;
    try {
      ({ size } = await storage.blobs.put(key, bodyOf(req), { maxBytes: declared }));
    } catch (e) {
      if (e instanceof StorageError && e.code === 'TOO_LARGE') throw new ApiError(413, 'PAYLOAD_TOO_LARGE', 'A file chunk was larger than announced.');
      throw e;
    }
    if (size !== declared) {
      await storage.blobs.delete(key);
      throw new ApiError(400, 'BAD_REQUEST', 'The chunk was cut short.');
    }
    try {
      await storage.files.recordChunk(fileId, version, { index, size });
    } catch (e) {
      // Completed or cancelled meanwhile: the blob must not linger.
      if (e instanceof StorageError && (e.code === 'CONFLICT' || e.code === 'NOT_FOUND')) {
        if (e.code === 'NOT_FOUND') await storage.blobs.delete(key);
        throw new ApiError(409, 'UPLOAD_CLOSED', 'This upload was completed or cancelled.');
      }
      throw e;
    }
    res.json({ index, size });
  });

  r.post('/files/:fileId/versions/:version/complete', async (req, res) => {
    const fileId = Id.parse(req.params.fileId);
    const version = Version.parse(req.params.version);
    const userId = me(res.locals);
    await loadFile(fileId, userId, 'editor');
    const v = await loadVersion(fileId, version);
    if (v.uploaderId !== userId) throw new ApiError(403, 'FORBIDDEN', 'Someone else is uploading this version.');
    try {
      const done = v.state === 'complete' ? v : await storage.files.completeVersion(fileId, version, services.now());
      log.info('file.upload-complete', { userId, fileId, version, bytes: done.size });
      res.json(wireVersion(done));
    } catch (e) {
      if (e instanceof StorageError && e.code === 'CONFLICT') throw new ApiError(409, 'UPLOAD_INCOMPLETE', 'Some chunks of this upload are missing.');
      throw e;
    }
  });

  r.get('/files/:fileId/versions/:version/chunks/:index', async (req, res) => {
    const fileId = Id.parse(req.params.fileId);
    const version = Version.parse(req.params.version);
    const index = Index.parse(req.params.index);
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
    const fileId = Id.parse(req.params.fileId);
    const { parentId } = z.object({ parentId: Id }).parse(req.body);
    const userId = me(res.locals);
    await loadFile(fileId, userId, 'editor');
    if (!hasRole(await itemRole(storage, parentId, userId), 'editor')) throw new ApiError(403, 'FORBIDDEN', 'You cannot add files to that folder.');
    await storage.files.setParent(fileId, parentId);
    res.json({ ok: true });
  });

  /** Cancels an upload or deletes one version; the owner gets the bytes back. */
  r.delete('/files/:fileId/versions/:version', async (req, res) => {
    const fileId = Id.parse(req.params.fileId);
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
    const fileId = Id.parse(req.params.fileId);
    const userId = me(res.locals);
    const file = await loadFile(fileId, userId, 'editor');
    const removed = await storage.files.delete(fileId);
    await releaseFileVersions(storage, file.ownerId, removed);
    log.info('file.deleted', { userId, fileId, versions: removed.length });
    res.json({ ok: true });
  });

  return r;
}

async function* bodyOf(req: Request): AsyncIterable<Uint8Array> {
  for await (const part of req) yield part as Uint8Array;
}

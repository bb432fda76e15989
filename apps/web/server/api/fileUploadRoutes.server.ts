import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { StorageError, type FileRecord, type FileVersionRecord } from '@coffre/storage';
import { ApiError } from '../ApiError.ts';
import { chunkBlobKey } from '../chunkBlobKey.ts';
import { LIMITS } from '../limits.ts';
import type { Services } from '../Services.ts';

export const FileId = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);
export const Version = z.coerce.number().int().min(1).max(1_000_000);
export const ChunkIndex = z.coerce.number().int().min(0).max(LIMITS.MAX_CHUNKS_PER_VERSION - 1);

export const wireVersion = (v: FileVersionRecord) => ({ version: v.version, state: v.state, chunkCount: v.chunkCount, size: v.size, createdAt: v.createdAt, completedAt: v.completedAt });

/**
 * Who sends a file: a signed-in member of the folder, or the guest of a
 * folder's edit link (ADR 0013). Each way of uploading says who it is and
 * what it may reach; the steps of an upload are the same for both.
 */
export type Uploader = {
  /** Kept as the version's uploader: only the same uploader sends its chunks and completes it. */
  id: string;
  /** Ids for the log line, never anything else. */
  logFields: Record<string, string>;
  /** Refuses (ApiError) unless a new file may go into folder `parentId`; returns who is charged for it. */
  ownerForNewFile(parentId: string): Promise<string>;
  /** The file, when this uploader may add to it (`editor`) or see its upload's state (`viewer`); refuses (ApiError) otherwise. */
  loadFile(fileId: string, min: 'viewer' | 'editor'): Promise<FileRecord>;
  /** What to tell this uploader when the owner's quota would be exceeded. */
  quotaExceeded: string;
};

/**
 * The upload steps under `base` (`/files`, or `/links/:linkId/files`):
 * start a version (charged to the owner before any body is accepted), ask
 * which chunks the server holds (where a resume starts), send a chunk
 * (any chunk may be sent again), complete (the version becomes readable in
 * one commit). The browser seals each chunk with an AAD binding file id,
 * version, index and the final flag; the server keeps opaque bytes.
 */
export function fileUploadRoutes(services: Services, base: string, uploaderOf: (req: Request, res: Response) => Promise<Uploader>): Router {
  const r = Router();
  const { storage, log } = services;

  async function loadVersion(fileId: string, version: number): Promise<FileVersionRecord> {
    const v = await storage.files.getVersion(fileId, version);
    if (!v) throw new ApiError(404, 'NOT_FOUND', 'No such file version.');
    return v;
  }

  /** Version 1 creates the file in `parentId`; a later one adds to an existing file. The sealed size is charged now, or nothing is. */
  r.post(base, async (req, res) => {
    const uploader = await uploaderOf(req, res);
    const body = z
      .object({ fileId: FileId, parentId: FileId, version: Version, chunkCount: z.number().int().min(1).max(LIMITS.MAX_CHUNKS_PER_VERSION), size: z.number().int().min(1) })
      .parse(req.body);
    if (body.size > body.chunkCount * LIMITS.MAX_SEALED_CHUNK_BYTES) throw new ApiError(400, 'BAD_REQUEST', 'The declared size does not fit the chunk count.');
    const existing = (await storage.files.get(body.fileId)) && (await uploader.loadFile(body.fileId, 'editor'));
    const ownerId = existing ? existing.ownerId : await uploader.ownerForNewFile(body.parentId);
    const now = services.now();
    try {
      const version = await storage.transaction(async (tx) => {
        if (!existing) await tx.files.create({ fileId: body.fileId, ownerId, parentId: body.parentId, createdAt: now });
        const v = await tx.files.beginVersion({ fileId: body.fileId, version: body.version, uploaderId: uploader.id, chunkCount: body.chunkCount, size: body.size, createdAt: now });
        await tx.quota.charge(ownerId, body.size, services.config.quotaBytes);
        return v;
      });
      log.info('file.upload-started', { ...uploader.logFields, fileId: body.fileId, version: body.version, chunks: body.chunkCount, bytes: body.size });
      res.status(201).json({ ...wireVersion(version), chunks: [] });
    } catch (e) {
      if (e instanceof StorageError && e.code === 'QUOTA_EXCEEDED') {
        throw new ApiError(413, 'QUOTA_EXCEEDED', uploader.quotaExceeded);
      }
      if (e instanceof StorageError && e.code === 'DUPLICATE') throw new ApiError(409, 'VERSION_EXISTS', 'That file version exists already.');
      throw e;
    }
  });

  /** A version's state and the chunks the server holds: where an upload resumes. */
  r.get(`${base}/:fileId/versions/:version`, async (req, res) => {
    const uploader = await uploaderOf(req, res);
    const fileId = FileId.parse(req.params.fileId);
    const version = Version.parse(req.params.version);
    await uploader.loadFile(fileId, 'viewer');
    const v = await loadVersion(fileId, version);
    res.json({ ...wireVersion(v), chunks: await storage.files.listChunks(fileId, version) });
  });

  r.put(`${base}/:fileId/versions/:version/chunks/:index`, async (req, res) => {
    const uploader = await uploaderOf(req, res);
    const fileId = FileId.parse(req.params.fileId);
    const version = Version.parse(req.params.version);
    const index = ChunkIndex.parse(req.params.index);
    const declared = Number(req.headers['content-length'] ?? NaN);
    // Refused before a byte of the body is read.
    if (!(declared > 0) || declared > LIMITS.MAX_SEALED_CHUNK_BYTES) throw new ApiError(413, 'PAYLOAD_TOO_LARGE', 'A file chunk was too large.');
    await uploader.loadFile(fileId, 'editor');
    const v = await loadVersion(fileId, version);
    if (v.uploaderId !== uploader.id) throw new ApiError(403, 'FORBIDDEN', 'Someone else is uploading this version.');
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

  r.post(`${base}/:fileId/versions/:version/complete`, async (req, res) => {
    const uploader = await uploaderOf(req, res);
    const fileId = FileId.parse(req.params.fileId);
    const version = Version.parse(req.params.version);
    await uploader.loadFile(fileId, 'editor');
    const v = await loadVersion(fileId, version);
    if (v.uploaderId !== uploader.id) throw new ApiError(403, 'FORBIDDEN', 'Someone else is uploading this version.');
    try {
      const done = v.state === 'complete' ? v : await storage.files.completeVersion(fileId, version, services.now());
      log.info('file.upload-complete', { ...uploader.logFields, fileId, version, bytes: done.size });
      res.json(wireVersion(done));
    } catch (e) {
      if (e instanceof StorageError && e.code === 'CONFLICT') throw new ApiError(409, 'UPLOAD_INCOMPLETE', 'Some chunks of this upload are missing.');
      throw e;
    }
  });

  return r;
}

async function* bodyOf(req: Request): AsyncIterable<Uint8Array> {
  for await (const part of req) yield part as Uint8Array;
}

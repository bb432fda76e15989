import { Router, type Request } from 'express';
import { z } from 'zod';
import { StorageError, decodeLinkRecordPayload, encodeLinkRecordPayload, isSameOrUnder, linkVerifier, proofMatches, type LinkRecord } from '@coffre/storage';
import { ApiError } from '../ApiError.ts';
import { base64Bytes, toWire } from '../bytes.ts';
import { chunkBlobKey } from '../chunkBlobKey.ts';
import { hasRole, itemRole } from '../itemRole.server.ts';
import { findAccountByUsername, publicBundleJson } from '../publicBundle.server.ts';
import { LIMITS } from '../limits.ts';
import { rateLimit } from '../rateLimit.server.ts';
import { releaseFileVersions } from '../releaseFileVersions.server.ts';
import { requireSession, type Authed } from '../requireSession.server.ts';
import type { Services } from '../Services.ts';
import { fileUploadRoutes, type Uploader } from './fileUploadRoutes.server.ts';

const LinkId = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
const Proof = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
const ItemId = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);
const Version = z.coerce.number().int().min(1).max(1_000_000);
const Index = z.coerce.number().int().min(0).max(LIMITS.MAX_CHUNKS_PER_VERSION - 1);
/** A chat room's or folder's link carries its maker's directory of the people in it (ADR 0018). */
const MAX_SEALED_LINK_BYTES = 40 * 1024;

const clientAddress = (req: Request) => req.socket.remoteAddress ?? 'unknown';
const gone = () => new ApiError(404, 'LINK_GONE', 'This link does not work any more: it was stopped, it expired, or it never existed.');

/**
 * Share links (ADR 0008). The secret stays after the `#`; the server knows a
 * link by an id derived from it, keeps a hash of the visitor's access proof
 * and a payload sealed under the link key, and hands the payload out only for
 * the right proof, counting wrong ones.
 */
export function linksRoutes(services: Services): Router {
  const r = Router();
  const { storage, log } = services;

  /** The item a link may reach: a file's chunks, for now. */
  async function requireCanShare(itemId: string, userId: string): Promise<void> {
    const file = await storage.files.get(itemId);
    const folderId = file ? file.parentId : itemId;
    if (!hasRole(await itemRole(storage, folderId, userId), 'editor')) throw new ApiError(403, 'FORBIDDEN', 'You cannot make links for this item.');
  }

  async function liveLink(linkId: string): Promise<LinkRecord> {
    const link = await storage.links.get(linkId, services.now());
    if (!link) throw gone();
    return link;
  }

  /** The linked file itself, or a file (an image of a linked document) somewhere under the linked item. */
  async function linkCoversFile(itemId: string, fileId: string): Promise<boolean> {
    if (itemId === fileId) return true;
    const parentId = (await storage.files.get(fileId))?.parentId;
    return !!parentId && (await linkCoversDoc(itemId, parentId));
  }

  /** Whether document or folder `docId` is the linked item or somewhere under it. */
  function linkCoversDoc(itemId: string, docId: string): Promise<boolean> {
    return isSameOrUnder(storage.documents, docId, itemId);
  }

  /** Checks a visitor's proof; wrong ones are counted per address and per link. */
  async function checkProof(req: Request, link: LinkRecord, proof: string): Promise<ReturnType<typeof decodeLinkRecordPayload>> {
    const record = decodeLinkRecordPayload(link.payload);
    if (proofMatches(proof, record.verifier)) return record;
    await rateLimit(services, `link:ip:${clientAddress(req)}:${link.linkId}`, LIMITS.LINK_PASSWORD_ATTEMPTS_PER_ADDRESS, LIMITS.LINK_PASSWORD_WINDOW_MS);
    await rateLimit(services, `link:all:${link.linkId}`, LIMITS.LINK_PASSWORD_ATTEMPTS_PER_LINK, LIMITS.LINK_PASSWORD_WINDOW_MS);
    throw new ApiError(403, 'LINK_PASSWORD_WRONG', 'That password is not right for this link.');
  }

  /** Public: whether the link needs a password (and its salt), before anything is derived. */
  r.get('/links/:linkId', async (req, res) => {
    await rateLimit(services, `link:lookup:${clientAddress(req)}`, LIMITS.LINK_LOOKUPS_PER_ADDRESS, LIMITS.LINK_PASSWORD_WINDOW_MS);
    const link = await liveLink(LinkId.parse(req.params.linkId));
    const { salt } = decodeLinkRecordPayload(link.payload);
    res.json({ role: link.role, salt: salt.length ? toWire(salt) : null, expiresAt: link.expiresAt });
  });

  /** Public: the sealed payload, for the right proof only. */
  r.post('/links/:linkId/open', async (req, res) => {
    const link = await liveLink(LinkId.parse(req.params.linkId));
    const { proof } = z.object({ proof: Proof }).parse(req.body);
    // A burst of opens from one address is refused even with right proofs: it bounds guessing.
    await rateLimit(services, `link:open:${clientAddress(req)}:${link.linkId}`, LIMITS.LINK_OPENS_PER_ADDRESS, LIMITS.LINK_PASSWORD_WINDOW_MS);
    const record = await checkProof(req, link, proof);
    log.info('link.opened', { linkId: link.linkId });
    res.json({ itemId: link.itemId, role: link.role, sealed: toWire(record.sealed) });
  });

  /** Public: a file chunk through a link, with the proof in a header. */
  r.get('/links/:linkId/files/:fileId/versions/:version/chunks/:index', async (req, res) => {
    const link = await liveLink(LinkId.parse(req.params.linkId));
    const fileId = ItemId.parse(req.params.fileId);
    const version = Version.parse(req.params.version);
    const index = Index.parse(req.params.index);
    await checkProof(req, link, Proof.parse(req.headers['x-coffre-link-proof']));
    const v = (await linkCoversFile(link.itemId, fileId)) ? await storage.files.getVersion(fileId, version) : null;
    if (!v || v.state !== 'complete') throw new ApiError(404, 'NOT_FOUND', 'No such file version behind this link.');
    const key = chunkBlobKey(fileId, version, index);
    const stat = await storage.blobs.stat(key);
    const body = stat && (await storage.blobs.get(key));
    if (!stat || !body) throw new ApiError(404, 'NOT_FOUND', 'No such chunk.');
    res.setHeader('Content-Type', 'application/octet-stream');
    res.setHeader('Content-Length', String(stat.size));
    for await (const part of body) if (!res.write(part)) await new Promise((ok) => res.once('drain', ok));
    res.end();
  });

  /**
   * Public: the self-signed key bundle of someone with access to the linked
   * item, or to a document under it (`in`), so a visitor can check who wrote
   * a chat message (ADR 0018). Only people the item is shared with (or its
   * owner) are found: a link is not a directory of every account.
   */
  r.get('/links/:linkId/people/:username', async (req, res) => {
    const link = await liveLink(LinkId.parse(req.params.linkId));
    await checkProof(req, link, Proof.parse(req.headers['x-coffre-link-proof']));
    await rateLimit(services, `link:people:${clientAddress(req)}`, LIMITS.LINK_LOOKUPS_PER_ADDRESS, LIMITS.LINK_PASSWORD_WINDOW_MS);
    const inside = req.query.in === undefined ? link.itemId : ItemId.parse(req.query.in);
    const account = await findAccountByUsername(storage, req.params.username);
    const reaches = inside === link.itemId || (await linkCoversDoc(link.itemId, inside));
    if (!account || !reaches || !(await itemRole(storage, inside, account.userId))) throw new ApiError(404, 'NOT_FOUND', 'No one by that name has access to this item.');
    res.json(publicBundleJson(account));
  });

  /**
   * Public: a guest of a folder's edit link registers a new folder or
   * document under the linked folder (ADR 0013). The new item belongs to the
   * owner of the folder it goes in, as if they had made it. View, stopped and
   * expired links are refused, and so is a folder the link does not reach.
   */
  r.post('/links/:linkId/docs', async (req, res) => {
    const link = await liveLink(LinkId.parse(req.params.linkId));
    const { proof, docId, parentId } = z.object({ proof: Proof, docId: ItemId, parentId: ItemId }).parse(req.body);
    await checkProof(req, link, proof);
    if (link.role !== 'editor') throw new ApiError(403, 'FORBIDDEN', 'This link only lets you view: ask for an edit link.');
    const parent = await storage.documents.getSummary(parentId);
    if (!parent || !(await linkCoversDoc(link.itemId, parentId))) throw new ApiError(403, 'FORBIDDEN', 'This link does not reach that folder.');
    await rateLimit(services, `link:create:${link.linkId}`, LIMITS.LINK_CREATES_PER_LINK, LIMITS.LINK_PASSWORD_WINDOW_MS);
    try {
      await storage.documents.create({ docId, ownerId: parent.ownerId, parentId, createdAt: services.now() });
    } catch (e) {
      if (!(e instanceof StorageError && e.code === 'DUPLICATE')) throw e;
      // A retry of the same creation is fine; any other id is taken.
      const existing = await storage.documents.getSummary(docId);
      if (existing?.parentId !== parentId || existing.ownerId !== parent.ownerId) throw new ApiError(409, 'DOC_EXISTS', 'That document id is taken.');
      return void res.json({ docId });
    }
    log.info('doc.created', { linkId: link.linkId, docId, parentId });
    res.status(201).json({ docId });
  });

  /**
   * A guest of a folder's edit link uploading, with the link's proof in a
   * header (ADR 0013): into the linked folder or any folder below it, or a
   * new version of a file there. A new file belongs to the owner of the
   * folder it goes in and is charged to them, as if they had uploaded it;
   * the guest sends, completes and cancels only the versions it started.
   */
  async function linkUploader(req: Request): Promise<Uploader> {
    const link = await liveLink(LinkId.parse(req.params.linkId));
    await checkProof(req, link, Proof.parse(req.headers['x-coffre-link-proof']));
    if (link.role !== 'editor') throw new ApiError(403, 'FORBIDDEN', 'This link only lets you view: ask for an edit link.');
    return {
      id: `link:${link.linkId}`,
      logFields: { linkId: link.linkId },
      quotaExceeded: 'This upload would go over the storage quota of the folder’s owner. Ask them to free some space.',
      async ownerForNewFile(parentId) {
        const parent = await storage.documents.getSummary(parentId);
        if (!parent || !(await linkCoversDoc(link.itemId, parentId))) throw new ApiError(403, 'FORBIDDEN', 'This link does not reach that folder.');
        await rateLimit(services, `link:upload:${link.linkId}`, LIMITS.LINK_UPLOADS_PER_LINK, LIMITS.LINK_PASSWORD_WINDOW_MS);
        return parent.ownerId;
      },
      async loadFile(fileId) {
        const file = await storage.files.get(fileId);
        if (!file || !(await linkCoversDoc(link.itemId, file.parentId))) throw new ApiError(404, 'NOT_FOUND', 'No such file behind this link.');
        return file;
      },
    };
  }
  r.use(fileUploadRoutes(services, '/links/:linkId/files', linkUploader));

  /** Public: a guest cancels an upload it started through the link; a file with no other version goes with it. */
  r.delete('/links/:linkId/files/:fileId/versions/:version', async (req, res) => {
    const uploader = await linkUploader(req);
    const fileId = ItemId.parse(req.params.fileId);
    const version = Version.parse(req.params.version);
    const file = await uploader.loadFile(fileId, 'editor');
    const v = await storage.files.getVersion(fileId, version);
    if (!v || v.uploaderId !== uploader.id || v.state !== 'uploading') throw new ApiError(403, 'FORBIDDEN', 'Only an unfinished upload made through this link can be cancelled.');
    const alone = (await storage.files.listVersions(fileId)).every((x) => x.version === version);
    const removed = alone ? await storage.files.delete(fileId) : [await storage.files.deleteVersion(fileId, version)].filter((x) => x !== null);
    await releaseFileVersions(storage, file.ownerId, removed);
    log.info('file.upload-cancelled', { ...uploader.logFields, fileId, version });
    res.json({ ok: true });
  });

  // Only these need an account; the routes above are for anyone holding a link.
  const signedIn = requireSession(services);
  const me = (locals: Record<string, unknown>) => (locals as Authed).session.userId;

  /** Makes a link, for viewing or (documents and folders only) editing: editors of the item's folder only. */
  r.post('/links', signedIn, async (req, res) => {
    const body = z
      .object({
        linkId: LinkId,
        itemId: ItemId,
        proof: Proof,
        salt: base64Bytes(32).nullable(),
        sealed: base64Bytes(MAX_SEALED_LINK_BYTES),
        expiresAt: z.number().int().positive().nullable(),
        role: z.enum(['viewer', 'editor']).default('viewer'),
      })
      .parse(req.body);
    const userId = me(res.locals);
    await requireCanShare(body.itemId, userId);
    // Edit links are for documents and folders (ADR 0013: folders, word documents, spreadsheets and calendars, which the server cannot tell apart); a file link only ever downloads.
    if (body.role === 'editor' && !(await storage.documents.getSummary(body.itemId))) throw new ApiError(400, 'BAD_REQUEST', 'Only documents and folders can have edit links.');
    if (body.expiresAt !== null && body.expiresAt <= services.now()) throw new ApiError(400, 'BAD_REQUEST', 'The expiry date is in the past.');
    const payload = encodeLinkRecordPayload({ verifier: linkVerifier(body.proof), salt: body.salt ?? new Uint8Array(0), sealed: body.sealed });
    try {
      await storage.links.put({ linkId: body.linkId, itemId: body.itemId, creatorUserId: userId, role: body.role, payload, expiresAt: body.expiresAt, createdAt: services.now() });
    } catch (e) {
      if (e instanceof StorageError && e.code === 'DUPLICATE') throw new ApiError(409, 'BAD_REQUEST', 'That link exists already.');
      throw e;
    }
    log.info('link.created', { userId, linkId: body.linkId, itemId: body.itemId, role: body.role });
    res.status(201).json({ linkId: body.linkId });
  });

  /**
   * Its maker re-seals a live link after the item moved to a new key (ADR
   * 0013), so it keeps opening what is written next: only the sealed payload
   * changes; its proof, password salt, role and expiry stay.
   */
  r.put('/links/:linkId', signedIn, async (req, res) => {
    const linkId = LinkId.parse(req.params.linkId);
    const { sealed } = z.object({ sealed: base64Bytes(MAX_SEALED_LINK_BYTES) }).parse(req.body);
    const userId = me(res.locals);
    const link = await liveLink(linkId);
    if (link.creatorUserId !== userId) throw new ApiError(403, 'FORBIDDEN', 'Only the person who made this link can change it.');
    await requireCanShare(link.itemId, userId);
    const record = decodeLinkRecordPayload(link.payload);
    await storage.links.setPayload(linkId, encodeLinkRecordPayload({ ...record, sealed }));
    log.info('link.resealed', { userId, linkId });
    res.json({ linkId });
  });

  /** Links of an item (for whoever may make them), or every link I made. */
  r.get('/links', signedIn, async (req, res) => {
    const userId = me(res.locals);
    const itemId = req.query.itemId === undefined ? null : ItemId.parse(req.query.itemId);
    if (itemId) await requireCanShare(itemId, userId);
    const links = itemId ? await storage.links.listForItem(itemId) : await storage.links.listForCreator(userId);
    const now = services.now();
    res.json(links.map((l) => ({ linkId: l.linkId, itemId: l.itemId, role: l.role, expiresAt: l.expiresAt, createdAt: l.createdAt, expired: l.expiresAt !== null && now >= l.expiresAt, mine: l.creatorUserId === userId, hasPassword: decodeLinkRecordPayload(l.payload).salt.length > 0 })));
  });

  /** Stops a link at once: its maker, or an editor of the item. */
  r.delete('/links/:linkId', signedIn, async (req, res) => {
    const linkId = LinkId.parse(req.params.linkId);
    const userId = me(res.locals);
    // At time 0 nothing has expired yet: expired links can be removed too.
    const link = await storage.links.get(linkId, 0);
    if (!link) return void res.json({ ok: true });
    if (link.creatorUserId !== userId) await requireCanShare(link.itemId, userId);
    await storage.links.delete(linkId);
    log.info('link.revoked', { userId, linkId });
    res.json({ ok: true });
  });

  return r;
}

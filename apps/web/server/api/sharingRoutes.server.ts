import { randomUUID } from 'node:crypto';
import { Router } from 'express';
import { z } from 'zod';
import { ApiError } from '../ApiError.ts';
import { base64Bytes, toWire } from '../bytes.ts';
import { itemRole } from '../itemRole.server.ts';
import { findAccountByUsername, publicBundleJson } from '../publicBundle.server.ts';
import { requireSession, type Authed } from '../requireSession.server.ts';
import type { Services } from '../Services.ts';

const Role = z.enum(['viewer', 'editor', 'admin']);
const GRANT_BYTES = 4096;

/**
 * People and grants. The server enforces who may connect to a document and
 * stores grants it cannot open: an item key sealed to the recipient and
 * signed by the sharer, verified by the recipient's browser.
 */
export function sharingRoutes(services: Services): Router {
  const r = Router();
  const { storage, log } = services;
  r.use(requireSession(services));
  const me = (locals: Record<string, unknown>) => (locals as Authed).session.userId;

  async function roleOf(docId: string, userId: string) {
    const doc = await storage.documents.getSummary(docId);
    if (!doc) return null;
    return itemRole(storage, docId, userId);
  }

  /** Public key bundle of a user, to share with them. */
  r.get('/users/:username', async (req, res) => {
    const account = await findAccountByUsername(storage, req.params.username);
    if (!account) throw new ApiError(404, 'NOT_FOUND', 'No one has that username.');
    res.json(publicBundleJson(account));
  });

  r.get('/docs/:docId/members', async (req, res) => {
    const docId = String(req.params.docId);
    if (!(await roleOf(docId, me(res.locals)))) throw new ApiError(404, 'NOT_FOUND', 'No such document.');
    const doc = (await storage.documents.getSummary(docId))!;
    const owner = await storage.accounts.getById(doc.ownerId);
    const members = await storage.members.list(docId);
    const people = [{ userId: doc.ownerId, username: owner?.username ?? '(deleted)', role: 'admin', owner: true }];
    for (const m of members) {
      const a = await storage.accounts.getById(m.userId);
      if (a) people.push({ userId: m.userId, username: a.username, role: m.role, owner: false });
    }
    res.json(people);
  });

  /** Adds or changes a member: the caller must be an admin; the grant is stored for the recipient. */
  r.post('/docs/:docId/members', async (req, res) => {
    const docId = String(req.params.docId);
    const body = z.object({ userId: z.string().min(1).max(64), role: Role, grant: base64Bytes(GRANT_BYTES) }).parse(req.body);
    const userId = me(res.locals);
    if ((await roleOf(docId, userId)) !== 'admin') throw new ApiError(403, 'FORBIDDEN', 'Only an admin of this document can share it.');
    const doc = (await storage.documents.getSummary(docId))!;
    if (body.userId === doc.ownerId) throw new ApiError(400, 'BAD_REQUEST', 'The owner already has full access.');
    if (!(await storage.accounts.getById(body.userId))) throw new ApiError(404, 'NOT_FOUND', 'No one has that username.');
    await storage.transaction(async (tx) => {
      for (const old of await tx.grants.listForItem(docId)) if (old.recipientUserId === body.userId) await tx.grants.delete(old.grantId);
      await tx.members.set(docId, body.userId, body.role, services.now());
      await tx.grants.put({ grantId: randomUUID(), itemId: docId, recipientUserId: body.userId, senderUserId: userId, payload: body.grant, createdAt: services.now() });
    });
    log.info('doc.shared', { docId, by: userId, to: body.userId, role: body.role });
    res.json({ ok: true });
  });

  r.post('/docs/:docId/members/:userId/remove', async (req, res) => {
    const docId = String(req.params.docId);
    const target = String(req.params.userId);
    const userId = me(res.locals);
    if ((await roleOf(docId, userId)) !== 'admin' && target !== userId) throw new ApiError(403, 'FORBIDDEN', 'Only an admin of this document can remove people.');
    await storage.transaction(async (tx) => {
      await tx.members.remove(docId, target);
      for (const g of await tx.grants.listForItem(docId)) if (g.recipientUserId === target) await tx.grants.delete(g.grantId);
    });
    log.info('doc.unshared', { docId, by: userId, user: target });
    res.json({ ok: true });
  });

  /**
   * A key rotation: new grants, for the next epoch, for everyone who still
   * has access (the caller excepted). The collab server accepts the new
   * epoch from an admin's snapshot; this only replaces the stored grants.
   */
  r.post('/docs/:docId/rotate', async (req, res) => {
    const docId = String(req.params.docId);
    const body = z
      .object({
        epoch: z.number().int().min(2),
        grants: z.array(z.object({ userId: z.string().min(1).max(64), grant: base64Bytes(GRANT_BYTES) })).max(1000),
        // An item's chat: its key lives inside the item it belongs to, so nobody gets a grant (ADR 0011).
        attached: z.boolean().optional(),
      })
      .parse(req.body);
    const userId = me(res.locals);
    if ((await roleOf(docId, userId)) !== 'admin') throw new ApiError(403, 'FORBIDDEN', 'Only an admin of this document can change its key.');
    const doc = (await storage.documents.getSummary(docId))!;
    const direct = (await storage.members.list(docId)).map((m) => m.userId);
    if (body.attached && (doc.parentId === null || direct.length > 0 || body.grants.length > 0)) {
      throw new ApiError(400, 'BAD_REQUEST', 'Only a chat of a folder or document, shared through it alone, changes its key without grants.');
    }
    const expected = new Set(body.attached ? [] : [doc.ownerId, ...direct]);
    expected.delete(userId);
    const given = new Set(body.grants.map((g) => g.userId));
    if (given.size !== expected.size || [...expected].some((u) => !given.has(u))) {
      throw new ApiError(409, 'MEMBERS_CHANGED', 'The people with access changed meanwhile. Try again.');
    }
    await storage.transaction(async (tx) => {
      for (const old of await tx.grants.listForItem(docId)) await tx.grants.delete(old.grantId);
      for (const g of body.grants) {
        await tx.grants.put({ grantId: randomUUID(), itemId: docId, recipientUserId: g.userId, senderUserId: userId, payload: g.grant, createdAt: services.now() });
      }
    });
    log.info('doc.key-rotated', { docId, by: userId, epoch: body.epoch, grants: body.grants.length });
    res.json({ ok: true });
  });

  /** Everyone I shared something with: item ids, people and roles (names stay in the browser). */
  r.get('/grants/sent', async (_req, res) => {
    const userId = me(res.locals);
    const out = [];
    for (const g of await storage.grants.listForSender(userId)) {
      const recipient = await storage.accounts.getById(g.recipientUserId);
      const role = await storage.members.get(g.itemId, g.recipientUserId);
      if (recipient && role) out.push({ itemId: g.itemId, userId: recipient.userId, username: recipient.username, role, createdAt: g.createdAt });
    }
    res.json(out);
  });

  /** Grants addressed to me, with each sharer's bundle so the browser can verify them. */
  r.get('/grants', async (_req, res) => {
    const grants = await storage.grants.listForRecipient(me(res.locals));
    const out = [];
    for (const g of grants) {
      const sender = await storage.accounts.getById(g.senderUserId);
      if (sender) out.push({ grantId: g.grantId, itemId: g.itemId, sender: publicBundleJson(sender), grant: toWire(g.payload) });
    }
    res.json(out);
  });

  return r;
}

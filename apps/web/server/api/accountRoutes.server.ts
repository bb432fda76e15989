import { Router } from 'express';
import { z } from 'zod';
import { opaqueRegistrationResponse } from '@coffre/crypto/opaque-server';
import { ApiError } from '../ApiError.ts';
import { base64Bytes } from '../bytes.ts';
import { putEphemeral, takeEphemeral } from '../ephemeralJson.server.ts';
import { LIMITS } from '../limits.ts';
import { requireSession, type Authed } from '../requireSession.server.ts';
import { clearSessionCookie } from '../sessionCookie.server.ts';
import { sessionPayload } from '../sessionPayload.server.ts';
import type { Services } from '../Services.ts';

const KEY_BLOB_BYTES = 4096;
const OpaqueMessage = z.string().min(1).max(4096).regex(/^[A-Za-z0-9_-]+$/);

/** The signed-in account: session restore, sessions, password change, deletion. */
export function accountRoutes(services: Services): Router {
  const r = Router();
  const { storage, log } = services;
  r.use(requireSession(services));

  const sessionOf = (locals: Record<string, unknown>) => (locals as Authed).session;

  /** Password change and deletion need a password check within the last minutes. */
  async function requireRecentAuth(sessionId: string): Promise<void> {
    const proof = await takeEphemeral<{ at: number }>(services, 'recent-auth', sessionId);
    if (!proof) throw new ApiError(403, 'RECENT_AUTH_REQUIRED', 'Confirm your current password first.');
  }

  r.get('/session', async (_req, res) => {
    const session = sessionOf(res.locals);
    const account = await storage.accounts.getById(session.userId);
    if (!account) throw new ApiError(401, 'UNAUTHENTICATED', 'This account no longer exists.');
    res.setHeader('Cache-Control', 'no-store');
    res.json(sessionPayload(services, account, session));
  });

  r.get('/sessions', async (_req, res) => {
    const current = sessionOf(res.locals);
    const sessions = await storage.sessions.listForUser(current.userId);
    res.setHeader('Cache-Control', 'no-store');
    res.json(
      sessions
        .filter((s) => s.expiresAt > services.now())
        .map((s) => ({ sessionId: s.sessionId, label: s.label, createdAt: s.createdAt, lastSeenAt: s.lastSeenAt, current: s.sessionId === current.sessionId })),
    );
  });

  r.post('/sessions/:sessionId/revoke', async (req, res) => {
    const current = sessionOf(res.locals);
    const target = (await storage.sessions.listForUser(current.userId)).find((s) => s.sessionId === req.params.sessionId);
    if (!target) throw new ApiError(404, 'NOT_FOUND', 'That session no longer exists.');
    await storage.sessions.delete(target.sessionId);
    if (target.sessionId === current.sessionId) clearSessionCookie(services, res);
    log.info('session.revoked', { userId: current.userId, sessionId: target.sessionId });
    res.json({ ok: true });
  });

  r.post('/sessions/revoke-others', async (_req, res) => {
    const current = sessionOf(res.locals);
    await storage.sessions.deleteForUser(current.userId, current.sessionId);
    res.json({ ok: true });
  });

  r.post('/password/start', async (req, res) => {
    const current = sessionOf(res.locals);
    const body = z.object({ registrationRequest: OpaqueMessage }).parse(req.body);
    await requireRecentAuth(current.sessionId);
    const account = (await storage.accounts.getById(current.userId))!;
    const { registrationResponse } = await opaqueRegistrationResponse({
      serverSetup: services.opaqueServerSetup,
      userIdentifier: account.username,
      registrationRequest: body.registrationRequest,
    });
    await putEphemeral(services, 'password-change', current.sessionId, { ok: true }, LIMITS.PENDING_LOGIN_TTL_MS);
    res.json({ registrationResponse });
  });

  r.post('/password/finish', async (req, res) => {
    const current = sessionOf(res.locals);
    const body = z
      .object({ registrationRecord: base64Bytes(KEY_BLOB_BYTES), passwordWrappedMasterKey: base64Bytes(KEY_BLOB_BYTES), logOutOtherSessions: z.boolean() })
      .parse(req.body);
    const pending = await takeEphemeral(services, 'password-change', current.sessionId);
    if (!pending) throw new ApiError(403, 'RECENT_AUTH_REQUIRED', 'Confirm your current password first.');
    await storage.accounts.updateCredentials(current.userId, {
      opaqueRecord: body.registrationRecord,
      passwordWrappedMasterKey: body.passwordWrappedMasterKey,
      updatedAt: services.now(),
    });
    if (body.logOutOtherSessions) await storage.sessions.deleteForUser(current.userId, current.sessionId);
    log.info('password.changed', { userId: current.userId });
    const account = (await storage.accounts.getById(current.userId))!;
    res.json(sessionPayload(services, account, current));
  });

  r.post('/recovery-key', async (req, res) => {
    const current = sessionOf(res.locals);
    const body = z.object({ recoveryWrappedMasterKey: base64Bytes(KEY_BLOB_BYTES), recoveryVerifyKey: base64Bytes(64) }).parse(req.body);
    await requireRecentAuth(current.sessionId);
    const account = (await storage.accounts.getById(current.userId))!;
    await storage.accounts.updateCredentials(current.userId, {
      opaqueRecord: account.opaqueRecord,
      passwordWrappedMasterKey: account.passwordWrappedMasterKey,
      recoveryWrappedMasterKey: body.recoveryWrappedMasterKey,
      recoveryVerifyKey: body.recoveryVerifyKey,
      updatedAt: services.now(),
    });
    log.info('recovery-key.replaced', { userId: current.userId });
    res.json({ ok: true });
  });

  r.post('/delete', async (_req, res) => {
    const current = sessionOf(res.locals);
    await requireRecentAuth(current.sessionId);
    await storage.accounts.delete(current.userId);
    clearSessionCookie(services, res);
    res.setHeader('Clear-Site-Data', '"cookies", "storage"');
    log.info('account.deleted', { userId: current.userId });
    res.json({ ok: true });
  });

  return r;
}

import { randomBytes, randomUUID } from 'node:crypto';
import { Router, type Request } from 'express';
import { z } from 'zod';
import { StorageError } from '@coffre/storage';
import { CryptoError, asSigningPublicKey, verifyPublicBundle, verifyRecoveryProof } from '@coffre/crypto';
import {
  opaqueLoginFinish,
  opaqueLoginStart,
  opaqueRegistrationResponse,
} from '@coffre/crypto/opaque-server';
import { ApiError } from '../ApiError.ts';
import { base64Bytes, toWire } from '../bytes.ts';
import { putEphemeral, takeEphemeral } from '../ephemeralJson.server.ts';
import { LIMITS } from '../limits.ts';
import { rateLimit } from '../rateLimit.server.ts';
import { findSession } from '../requireSession.server.ts';
import { clearSessionCookie, startSession } from '../sessionCookie.server.ts';
import { sessionPayload } from '../sessionPayload.server.ts';
import type { Services } from '../Services.ts';
import { normaliseUsername } from '../username.ts';

const Username = z.string().min(1).max(64);
const OpaqueMessage = z.string().min(1).max(4096).regex(/^[A-Za-z0-9_-]+$/);
const KEY_BLOB_BYTES = 4096;

type PendingLogin = { userId: string | null; username: string; state: string; purpose: 'login' | 'reauth'; sessionId: string | null };
type PendingRecovery = { userId: string | null; challenge: string };
type PendingReset = { userId: string; registrationPending: true };

const clientAddress = (req: Request) => req.socket.remoteAddress ?? 'unknown';

/** Registration, login (and re-authentication), logout and recovery with OPAQUE. */
export function authRoutes(services: Services): Router {
  const r = Router();
  const { storage, log } = services;

  r.post('/register/start', async (req, res) => {
    const body = z.object({ username: Username, registrationRequest: OpaqueMessage }).parse(req.body);
    await rateLimit(services, `register:ip:${clientAddress(req)}`, services.config.signupsPerHour, LIMITS.REGISTRATION_WINDOW_MS);
    const username = normaliseUsername(body.username);
    if (await storage.accounts.getByUsername(username)) {
      throw new ApiError(409, 'USERNAME_TAKEN', 'That username is taken. Choose another one.');
    }
    const { registrationResponse } = await opaqueRegistrationResponse({
      serverSetup: services.opaqueServerSetup,
      userIdentifier: username,
      registrationRequest: body.registrationRequest,
    });
    res.json({ registrationResponse });
  });

  r.post('/register/finish', async (req, res) => {
    const body = z
      .object({
        userId: z.string().regex(/^[A-Za-z0-9_-]{22,64}$/),
        username: Username,
        registrationRecord: base64Bytes(KEY_BLOB_BYTES),
        passwordWrappedMasterKey: base64Bytes(KEY_BLOB_BYTES),
        recoveryWrappedMasterKey: base64Bytes(KEY_BLOB_BYTES),
        recoveryVerifyKey: base64Bytes(64),
        wrappedIdentity: base64Bytes(KEY_BLOB_BYTES),
        publicBundle: base64Bytes(KEY_BLOB_BYTES),
      })
      .parse(req.body);
    const username = normaliseUsername(body.username);
    let bundle;
    try {
      bundle = verifyPublicBundle(body.publicBundle);
    } catch (e) {
      if (e instanceof CryptoError) throw new ApiError(400, 'BUNDLE_INVALID', 'The public key bundle is not validly signed.');
      throw e;
    }
    if (bundle.userId !== body.userId || bundle.username !== username) {
      throw new ApiError(400, 'BUNDLE_INVALID', 'The public key bundle names another account.');
    }
    const now = services.now();
    try {
      await storage.accounts.create({
        userId: body.userId,
        username,
        opaqueRecord: body.registrationRecord,
        passwordWrappedMasterKey: body.passwordWrappedMasterKey,
        recoveryWrappedMasterKey: body.recoveryWrappedMasterKey,
        recoveryVerifyKey: body.recoveryVerifyKey,
        wrappedIdentity: body.wrappedIdentity,
        publicBundle: body.publicBundle,
        createdAt: now,
        updatedAt: now,
      });
    } catch (e) {
      if (e instanceof StorageError && e.code === 'DUPLICATE') {
        throw new ApiError(409, 'USERNAME_TAKEN', 'That username is taken. Choose another one.');
      }
      throw e;
    }
    const account = (await storage.accounts.getById(body.userId))!;
    const session = await startSession(services, res, account.userId, req.headers['user-agent']);
    log.info('account.created', { userId: account.userId });
    res.status(201).json(sessionPayload(services, account, session));
  });

  r.post('/login/start', async (req, res) => {
    const body = z
      .object({ username: Username, startLoginRequest: OpaqueMessage, purpose: z.enum(['login', 'reauth']).default('login') })
      .parse(req.body);
    const username = body.username.normalize('NFKC').trim().toLowerCase();
    // Re-authentication proves the password of the account this session belongs to.
    const session = body.purpose === 'reauth' ? await findSession(services, req) : null;
    if (body.purpose === 'reauth' && !session) throw new ApiError(401, 'UNAUTHENTICATED', 'You are signed out. Sign in again.');
    await rateLimit(services, `login:ip:${clientAddress(req)}`, LIMITS.LOGIN_ATTEMPTS_PER_ADDRESS, LIMITS.LOGIN_WINDOW_MS);
    await rateLimit(services, `login:acct:${username}`, LIMITS.LOGIN_ATTEMPTS_PER_ACCOUNT, LIMITS.LOGIN_WINDOW_MS);
    const account = await storage.accounts.getByUsername(username);
    if (session && account?.userId !== session.userId) throw new ApiError(403, 'INVALID_CREDENTIALS', 'Wrong username or password.');
    const sessionId = session?.sessionId ?? null;
    // An unknown user still gets a well-formed response: no user enumeration.
    const { serverLoginState, loginResponse } = await opaqueLoginStart({
      serverSetup: services.opaqueServerSetup,
      userIdentifier: username,
      registrationRecord: account ? toWire(account.opaqueRecord) : null,
      startLoginRequest: body.startLoginRequest,
    });
    const loginId = randomUUID();
    const pending: PendingLogin = { userId: account?.userId ?? null, username, state: serverLoginState, purpose: body.purpose, sessionId };
    await putEphemeral(services, 'login', loginId, pending, LIMITS.PENDING_LOGIN_TTL_MS);
    res.json({ loginId, loginResponse });
  });

  r.post('/login/finish', async (req, res) => {
    const body = z.object({ loginId: z.string().uuid(), finishLoginRequest: OpaqueMessage }).parse(req.body);
    const pending = await takeEphemeral<PendingLogin>(services, 'login', body.loginId);
    if (!pending) throw new ApiError(401, 'LOGIN_EXPIRED', 'The sign-in took too long. Try again.');
    const wrong = new ApiError(401, 'INVALID_CREDENTIALS', 'Wrong username or password.');
    if (!pending.userId) throw wrong;
    try {
      await opaqueLoginFinish({ serverLoginState: pending.state, finishLoginRequest: body.finishLoginRequest });
    } catch {
      log.warn('login.failed', { userId: pending.userId });
      throw wrong;
    }
    await storage.rateLimits.reset(`login:acct:${pending.username}`);
    const account = await storage.accounts.getById(pending.userId);
    if (!account) throw wrong;
    if (pending.purpose === 'reauth') {
      await putEphemeral(services, 'recent-auth', pending.sessionId!, { at: services.now() }, LIMITS.RECENT_AUTH_TTL_MS);
      res.json({ ok: true });
      return;
    }
    const session = await startSession(services, res, account.userId, req.headers['user-agent']);
    log.info('login.ok', { userId: account.userId, sessionId: session.sessionId });
    res.json(sessionPayload(services, account, session));
  });

  r.post('/logout', async (req, res) => {
    const session = await findSession(services, req);
    if (session) await storage.sessions.delete(session.sessionId);
    clearSessionCookie(services, res);
    res.setHeader('Clear-Site-Data', '"cookies", "storage"');
    res.json({ ok: true });
  });

  r.post('/recover/start', async (req, res) => {
    const body = z.object({ username: Username }).parse(req.body);
    const username = body.username.normalize('NFKC').trim().toLowerCase();
    await rateLimit(services, `recover:ip:${clientAddress(req)}`, LIMITS.LOGIN_ATTEMPTS_PER_ADDRESS, LIMITS.LOGIN_WINDOW_MS);
    await rateLimit(services, `recover:acct:${username}`, LIMITS.RECOVERY_ATTEMPTS_PER_ACCOUNT, LIMITS.LOGIN_WINDOW_MS);
    const account = await storage.accounts.getByUsername(username);
    const challenge = randomBytes(32).toString('base64url');
    const challengeId = randomUUID();
    const pending: PendingRecovery = { userId: account?.userId ?? null, challenge };
    await putEphemeral(services, 'recover', challengeId, pending, LIMITS.PENDING_LOGIN_TTL_MS);
    // Unknown users get a random id so the answer looks the same.
    res.json({ challengeId, challenge, userId: account?.userId ?? randomBytes(16).toString('base64url') });
  });

  r.post('/recover/verify', async (req, res) => {
    const body = z
      .object({ challengeId: z.string().uuid(), signature: base64Bytes(64), registrationRequest: OpaqueMessage })
      .parse(req.body);
    const pending = await takeEphemeral<PendingRecovery>(services, 'recover', body.challengeId);
    const failed = new ApiError(401, 'RECOVERY_FAILED', 'That recovery key does not match this account.');
    if (!pending?.userId) throw failed;
    const account = await storage.accounts.getById(pending.userId);
    if (!account) throw failed;
    try {
      verifyRecoveryProof(asSigningPublicKey(account.recoveryVerifyKey), Buffer.from(pending.challenge, 'base64url'), account.userId, body.signature);
    } catch {
      log.warn('recovery.failed', { userId: account.userId });
      throw failed;
    }
    const { registrationResponse } = await opaqueRegistrationResponse({
      serverSetup: services.opaqueServerSetup,
      userIdentifier: account.username,
      registrationRequest: body.registrationRequest,
    });
    const resetId = randomUUID();
    const reset: PendingReset = { userId: account.userId, registrationPending: true };
    await putEphemeral(services, 'reset', resetId, reset, LIMITS.PENDING_LOGIN_TTL_MS);
    res.json({
      resetId,
      registrationResponse,
      recoveryWrappedMasterKey: toWire(account.recoveryWrappedMasterKey),
      wrappedIdentity: toWire(account.wrappedIdentity),
      publicBundle: toWire(account.publicBundle),
    });
  });

  r.post('/recover/finish', async (req, res) => {
    const body = z
      .object({ resetId: z.string().uuid(), registrationRecord: base64Bytes(KEY_BLOB_BYTES), passwordWrappedMasterKey: base64Bytes(KEY_BLOB_BYTES) })
      .parse(req.body);
    const reset = await takeEphemeral<PendingReset>(services, 'reset', body.resetId);
    if (!reset) throw new ApiError(401, 'LOGIN_EXPIRED', 'The reset took too long. Start again.');
    await storage.accounts.updateCredentials(reset.userId, {
      opaqueRecord: body.registrationRecord,
      passwordWrappedMasterKey: body.passwordWrappedMasterKey,
      updatedAt: services.now(),
    });
    // A reset logs every other device out: whoever forgot the password may not hold them.
    await storage.sessions.deleteForUser(reset.userId);
    const account = (await storage.accounts.getById(reset.userId))!;
    const session = await startSession(services, res, account.userId, req.headers['user-agent']);
    log.info('recovery.ok', { userId: account.userId });
    res.json(sessionPayload(services, account, session));
  });

  return r;
}

import type { NextFunction, Request, Response } from 'express';
import type { SessionRecord } from '@coffre/storage';
import { ApiError } from './ApiError.ts';
import { LIMITS } from './limits.ts';
import { hashToken, readSessionToken } from './sessionCookie.server.ts';
import type { Services } from './Services.ts';

export type Authed = { session: SessionRecord };

/** Looks up the cookie's session (idle and absolute timeouts applied), or null. */
export async function findSession(services: Services, req: Request): Promise<SessionRecord | null> {
  const token = readSessionToken(req, services.config.secureCookies);
  if (!token) return null;
  const now = services.now();
  const session = await services.storage.sessions.getByTokenHash(hashToken(token), now);
  if (!session) return null;
  if (now - session.createdAt > services.config.sessionMaxAgeMs) {
    await services.storage.sessions.delete(session.sessionId);
    return null;
  }
  // Slide the idle timeout at most once a minute to keep writes rare.
  if (now - session.lastSeenAt > 60_000) {
    const expiresAt = Math.min(now + LIMITS.SESSION_IDLE_MS, session.createdAt + services.config.sessionMaxAgeMs);
    await services.storage.sessions.touch(session.sessionId, now, expiresAt);
  }
  return session;
}

export function requireSession(services: Services) {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const session = await findSession(services, req);
      if (!session) throw new ApiError(401, 'UNAUTHENTICATED', 'You are signed out. Sign in again.');
      (res.locals as Authed).session = session;
      next();
    } catch (e) {
      next(e);
    }
  };
}

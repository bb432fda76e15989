import { createHash, createHmac, randomBytes, randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import { DOMAINS } from '@coffre/crypto';
import type { SessionRecord } from '@coffre/storage';
import { LIMITS } from './limits.ts';
import type { Services } from './Services.ts';

export function sessionCookieName(secure: boolean): string {
  // __Host- needs Secure, which plain-HTTP localhost development cannot set.
  return secure ? '__Host-coffre_session' : 'coffre_session';
}

export function hashToken(token: string): Uint8Array {
  return new Uint8Array(createHash('sha256').update(token).digest());
}

export function readSessionToken(req: Request, secure: boolean): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  const name = sessionCookieName(secure);
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) {
      const value = part.slice(eq + 1).trim();
      return /^[A-Za-z0-9_-]{20,100}$/.test(value) ? value : null;
    }
  }
  return null;
}

/** Creates a session row and sets its cookie. The token itself is never stored. */
export async function startSession(services: Services, res: Response, userId: string, userAgent: string | undefined): Promise<SessionRecord> {
  const token = randomBytes(LIMITS.SESSION_TOKEN_BYTES).toString('base64url');
  const now = services.now();
  const record: SessionRecord = {
    sessionId: randomUUID(),
    tokenHash: hashToken(token),
    userId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: now + Math.min(LIMITS.SESSION_IDLE_MS, services.config.sessionMaxAgeMs),
    label: deviceLabel(userAgent),
  };
  await services.storage.sessions.create(record);
  res.cookie(sessionCookieName(services.config.secureCookies), token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: services.config.secureCookies,
    path: '/',
    maxAge: services.config.sessionMaxAgeMs,
  });
  return record;
}

export function clearSessionCookie(services: Services, res: Response): void {
  res.clearCookie(sessionCookieName(services.config.secureCookies), {
    httpOnly: true,
    sameSite: 'strict',
    secure: services.config.secureCookies,
    path: '/',
  });
}

/** The key that unlocks this session's cached master key in the tab (ADR 0003). */
export function sessionUnlockKey(services: Services, sessionId: string): Uint8Array {
  return new Uint8Array(createHmac('sha256', services.unlockSecret).update(`${DOMAINS.sessionUnlock}\0${sessionId}`).digest());
}

/** A coarse label so a user can tell sessions apart; no version numbers, no address. */
export function deviceLabel(userAgent: string | undefined): string {
  const ua = userAgent ?? '';
  const browser = /Firefox\//.test(ua) ? 'Firefox' : /Edg\//.test(ua) ? 'Edge' : /Chrom(e|ium)\//.test(ua) ? 'Chromium' : /Safari\//.test(ua) ? 'Safari' : 'Browser';
  const os = /Android/.test(ua) ? 'Android' : /iPhone|iPad/.test(ua) ? 'iOS' : /Windows/.test(ua) ? 'Windows' : /Mac OS X/.test(ua) ? 'macOS' : /Linux/.test(ua) ? 'Linux' : 'unknown system';
  return `${browser} on ${os}`;
}

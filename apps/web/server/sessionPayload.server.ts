import type { AccountRecord, SessionRecord } from '@coffre/storage';
import type { SessionPayload } from '../app/api/wire.ts';
import { toWire } from './bytes.ts';
import { sessionUnlockKey } from './sessionCookie.server.ts';
import type { Services } from './Services.ts';

export function sessionPayload(services: Services, account: AccountRecord, session: SessionRecord): SessionPayload {
  return {
    userId: account.userId,
    username: account.username,
    sessionId: session.sessionId,
    passwordWrappedMasterKey: toWire(account.passwordWrappedMasterKey),
    wrappedIdentity: toWire(account.wrappedIdentity),
    publicBundle: toWire(account.publicBundle),
    unlockKey: toWire(sessionUnlockKey(services, session.sessionId)),
    opaqueServerPublicKey: services.opaqueServerPublicKey,
  };
}

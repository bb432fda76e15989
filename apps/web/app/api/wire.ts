/**
 * JSON shapes of the account API. Byte fields are base64url strings. Shared by
 * the browser client and the Express handlers, which validate them with zod.
 */
export type ApiErrorBody = { code: string; message: string; retryAfterSeconds?: number };

/** What a signed-in client needs to unlock its keys. All ciphertext or public. */
export type SessionPayload = {
  userId: string;
  username: string;
  sessionId: string;
  passwordWrappedMasterKey: string;
  wrappedIdentity: string;
  publicBundle: string;
  /** Unlocks this tab's cached master key; derived per session (ADR 0003). */
  unlockKey: string;
  opaqueServerPublicKey: string;
};

export type RegisterStartRequest = { username: string; registrationRequest: string };
export type RegisterStartResponse = { registrationResponse: string };
export type RegisterFinishRequest = {
  userId: string;
  username: string;
  registrationRecord: string;
  passwordWrappedMasterKey: string;
  recoveryWrappedMasterKey: string;
  recoveryVerifyKey: string;
  wrappedIdentity: string;
  publicBundle: string;
};

export type LoginStartRequest = { username: string; startLoginRequest: string; purpose?: 'login' | 'reauth' };
export type LoginStartResponse = { loginId: string; loginResponse: string };
export type LoginFinishRequest = { loginId: string; finishLoginRequest: string };

export type RecoverStartRequest = { username: string };
export type RecoverStartResponse = { challengeId: string; challenge: string; userId: string };
export type RecoverVerifyRequest = { challengeId: string; signature: string; registrationRequest: string };
export type RecoverVerifyResponse = {
  resetId: string;
  registrationResponse: string;
  recoveryWrappedMasterKey: string;
  wrappedIdentity: string;
  publicBundle: string;
};
export type RecoverFinishRequest = { resetId: string; registrationRecord: string; passwordWrappedMasterKey: string };

export type PasswordStartRequest = { registrationRequest: string };
export type PasswordStartResponse = { registrationResponse: string };
export type PasswordFinishRequest = { registrationRecord: string; passwordWrappedMasterKey: string; logOutOtherSessions: boolean };

export type SessionInfo = { sessionId: string; label: string; createdAt: number; lastSeenAt: number; current: boolean };
export type RecoveryKeyRequest = { recoveryWrappedMasterKey: string; recoveryVerifyKey: string };

import {
  initCrypto,
  opaqueLoginFinish,
  opaqueLoginStart,
  opaqueRegistrationFinish,
  opaqueRegistrationStart,
  randomBytes,
  toBase64Url,
} from '@coffre/crypto';
import { createAccountKeys } from '../app/keys/createAccountKeys.ts';

/** A tiny cookie-keeping JSON client for API tests, speaking the browser's protocol. */
export class ApiClient {
  cookie: string | null = null;
  lastSetCookie: string | null = null;
  constructor(readonly base: string) {}

  async call(path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: any; headers: Headers }> {
    const res = await fetch(`${this.base}/api${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { 'content-type': 'application/json', 'x-coffre-csrf': '1', ...(this.cookie ? { cookie: this.cookie } : {}), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) {
      this.lastSetCookie = setCookie;
      const pair = setCookie.split(';')[0]!;
      this.cookie = pair.endsWith('=') ? null : pair;
    }
    const text = await res.text();
    return { status: res.status, json: text ? JSON.parse(text) : null, headers: res.headers };
  }

  /** Registers through the real OPAQUE flow; returns what a browser would keep. */
  async register(username: string, password: string, tamper?: (req: Record<string, string>) => void) {
    await initCrypto();
    const userId = toBase64Url(randomBytes(16));
    const start = await opaqueRegistrationStart(password);
    const r1 = await this.call('/auth/register/start', { username, registrationRequest: start.registrationRequest });
    if (r1.status !== 200) return { status: r1.status, json: r1.json };
    const finish = await opaqueRegistrationFinish({ password, clientRegistrationState: start.clientRegistrationState, registrationResponse: r1.json.registrationResponse });
    const keys = createAccountKeys({ userId, username, exportKey: finish.exportKey, registrationRecord: finish.registrationRecord, now: Date.now() });
    const req: Record<string, string> = { ...keys.request };
    tamper?.(req);
    const r2 = await this.call('/auth/register/finish', req);
    return { status: r2.status, json: r2.json, userId, masterKey: keys.masterKey, recoveryKey: keys.recoveryKey };
  }

  /** Starts an OPAQUE login; `finish` is null when the password is wrong (detected client-side). */
  async login(username: string, password: string, purpose: 'login' | 'reauth' = 'login') {
    await initCrypto();
    const start = await opaqueLoginStart(password);
    const r1 = await this.call('/auth/login/start', { username, startLoginRequest: start.startLoginRequest, purpose });
    if (r1.status !== 200) return { start: r1, finish: null };
    let finishRequest: string;
    try {
      finishRequest = (await opaqueLoginFinish({ password, clientLoginState: start.clientLoginState, loginResponse: r1.json.loginResponse })).finishLoginRequest;
    } catch {
      return { start: r1, finish: null };
    }
    return { start: r1, finish: await this.call('/auth/login/finish', { loginId: r1.json.loginId, finishLoginRequest: finishRequest }) };
  }
}

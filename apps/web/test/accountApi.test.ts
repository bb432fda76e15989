import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from './apiClient.ts';
import { startTestServer, type TestServer } from './startTestServer.ts';

const canary = `pw-canary-${Date.now().toString(36)}`;

describe('account API over real HTTP, OPAQUE and SQLite', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('registers, sets a hardened session cookie, and logs in with the same password only', async () => {
    const alice = new ApiClient(server.url);
    const reg = await alice.register('alice', `${canary} one`);
    expect(reg.status).toBe(201);
    expect(reg.json.userId).toBe(reg.userId);
    const cookie = alice.lastSetCookie!;
    expect(cookie).toMatch(/^coffre_session=[A-Za-z0-9_-]{43};/); // 256-bit token
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\//);

    const bob = new ApiClient(server.url);
    const wrong = await bob.login('alice', 'not the password');
    expect(wrong.start.status).toBe(200);
    expect(wrong.finish).toBeNull();
    expect(bob.cookie).toBeNull();

    const right = await bob.login('ALICE', `${canary} one`);
    expect(right.finish?.status).toBe(200);
    expect(right.finish?.json.userId).toBe(reg.userId);
    expect(right.finish?.json.passwordWrappedMasterKey).toBe((await alice.call('/account/session')).json.passwordWrappedMasterKey);
  });

  it('answers an unknown user exactly like a known one, and refuses to finish it', async () => {
    const c = new ApiClient(server.url);
    const r = await c.login('nobody-here', 'whatever password');
    expect(r.start.status).toBe(200);
    expect(typeof r.start.json.loginResponse).toBe('string');
    expect(r.finish).toBeNull();
  });

  it('refuses duplicate usernames clearly and a forged bundle without creating anything', async () => {
    const c = new ApiClient(server.url);
    expect((await c.register('dupe', 'password one two')).status).toBe(201);
    const again = await new ApiClient(server.url).register('DUPE', 'password three four');
    expect(again.status).toBe(409);
    expect(again.json.code).toBe('USERNAME_TAKEN');

    const before = await server.services.storage.accounts.count();
    const forged = await new ApiClient(server.url).register('forger', 'password five six', (req) => {
      const b = Buffer.from(req.publicBundle!, 'base64url');
      b[b.length - 1]! ^= 1;
      req.publicBundle = b.toString('base64url');
    });
    expect(forged.status).toBe(400);
    expect(forged.json.code).toBe('BUNDLE_INVALID');
    expect(await server.services.storage.accounts.count()).toBe(before);
    expect(await server.services.storage.accounts.getByUsername('forger')).toBeNull();
  });

  it('rejects cross-site and header-less state changes (CSRF)', async () => {
    const c = new ApiClient(server.url);
    await c.register('carol', 'password seven eight');
    const noHeader = await fetch(`${server.url}/api/auth/logout`, { method: 'POST', headers: { cookie: c.cookie!, 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=1' });
    expect(noHeader.status).toBe(403);
    expect((await noHeader.json()).code).toBe('CSRF_REJECTED');
    expect((await c.call('/auth/logout', {}, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await c.call('/auth/logout', {}, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    // Still signed in: nothing changed.
    expect((await c.call('/account/session')).status).toBe(200);
  });

  it('invalidates the session on logout: the old token gets 401', async () => {
    const c = new ApiClient(server.url);
    await c.register('dave', 'password nine ten');
    const token = c.cookie!;
    const out = await c.call('/auth/logout', {});
    expect(out.status).toBe(200);
    expect(out.headers.get('clear-site-data')).toContain('storage');
    const replay = new ApiClient(server.url);
    replay.cookie = token;
    const r = await replay.call('/account/session');
    expect(r.status).toBe(401);
    expect(r.json.code).toBe('UNAUTHENTICATED');
  });

  it('rate-limits repeated sign-in attempts per account', async () => {
    const c = new ApiClient(server.url);
    await c.register('erin', 'password eleven twelve');
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await c.call('/auth/login/start', { username: 'erin', startLoginRequest: 'AAAA' })).status);
    // Malformed OPAQUE messages still count: the limit comes first.
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(400));
    const limited = await c.call('/auth/login/start', { username: 'erin', startLoginRequest: 'AAAA' });
    expect(limited.status).toBe(429);
    expect(limited.json.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('needs a fresh password check before a password change, and refuses oversize bodies', async () => {
    const c = new ApiClient(server.url);
    await c.register('frank', 'password thirteen fourteen');
    const r = await c.call('/account/password/start', { registrationRequest: 'AAAA' });
    expect(r.status).toBe(403);
    expect(r.json.code).toBe('RECENT_AUTH_REQUIRED');
    const big = await c.call('/auth/register/start', { username: 'x', registrationRequest: 'A'.repeat(70_000) });
    expect(big.status).toBe(413);
  });

  it('lists and revokes sessions; a revoked session stops working at once', async () => {
    const a = new ApiClient(server.url);
    await a.register('gina', 'password fifteen sixteen');
    const b = new ApiClient(server.url);
    await b.login('gina', 'password fifteen sixteen');
    const list = await a.call('/account/sessions');
    expect(list.json).toHaveLength(2);
    const other = list.json.find((s: { current: boolean }) => !s.current);
    expect((await a.call(`/account/sessions/${other.sessionId}/revoke`, {})).status).toBe(200);
    expect((await b.call('/account/session')).status).toBe(401);
    expect((await a.call('/account/session')).status).toBe(200);
  });

  it('deletes an account only after a fresh password check, and ends its sessions', async () => {
    const c = new ApiClient(server.url);
    const reg = await c.register('hank', 'password seventeen eighteen');
    expect((await c.call('/account/delete', {})).json.code).toBe('RECENT_AUTH_REQUIRED');
    // Another account's password does not count as re-authentication.
    expect((await c.login('gina', 'password fifteen sixteen', 'reauth')).start.status).toBe(403);
    expect((await c.login('hank', 'password seventeen eighteen', 'reauth')).finish?.json).toEqual({ ok: true });
    const token = c.cookie;
    expect((await c.call('/account/delete', {})).status).toBe(200);
    expect(await server.services.storage.accounts.getById(reg.userId!)).toBeNull();
    const replay = new ApiClient(server.url);
    replay.cookie = token;
    expect((await replay.call('/account/session')).status).toBe(401);
  });

  it('never logs passwords or usernames', () => {
    const all = server.logLines.join('\n');
    expect(server.logLines.length).toBeGreaterThan(10);
    expect(all).not.toContain(canary);
    expect(all).not.toContain('alice');
  });
});

import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { deriveKekFromExportKey } from '../deriveKekFromExportKey.ts';
import { initCrypto } from '../initCrypto.ts';
import { expectCryptoError } from '../testing/expectCryptoError.ts';
import { expectCryptoErrorAsync } from '../testing/expectCryptoErrorAsync.ts';
import { opaqueLoginFinish } from './opaqueLoginFinish.ts';
import { opaqueLoginStart } from './opaqueLoginStart.ts';
import { opaqueRegistrationFinish } from './opaqueRegistrationFinish.ts';
import { opaqueRegistrationStart } from './opaqueRegistrationStart.ts';
import * as server from './opaqueServer.ts';

const PASSWORD = 'correct horse battery staple';

describe('OPAQUE', () => {
  let serverSetup: string;
  let serverPublicKey: string;
  let registrationRecord: string;
  let registrationExportKey: string;

  beforeAll(async () => {
    await initCrypto();
    serverSetup = await server.createOpaqueServerSetup();
    serverPublicKey = await server.opaqueServerPublicKey(serverSetup);
    const start = opaqueRegistrationStart(PASSWORD);
    const { registrationResponse } = await server.opaqueRegistrationResponse({
      serverSetup,
      userIdentifier: 'user-1',
      registrationRequest: start.registrationRequest,
    });
    const finish = opaqueRegistrationFinish({
      password: PASSWORD,
      clientRegistrationState: start.clientRegistrationState,
      registrationResponse,
      expectedServerPublicKey: serverPublicKey,
    });
    expect(finish.serverStaticPublicKey).toBe(serverPublicKey);
    registrationRecord = finish.registrationRecord;
    registrationExportKey = finish.exportKey;
  });

  async function login(password: string, userIdentifier: string, record: string | null, expectedServerPublicKey?: string) {
    const start = opaqueLoginStart(password);
    const serverStart = await server.opaqueLoginStart({ serverSetup, userIdentifier, registrationRecord: record, startLoginRequest: start.startLoginRequest });
    return {
      serverStart,
      finish: () =>
        opaqueLoginFinish({ password, clientLoginState: start.clientLoginState, loginResponse: serverStart.loginResponse, expectedServerPublicKey }),
    };
  }

  it('registers and logs in: same session key on both sides, same export key as at registration', async () => {
    const attempt = await login(PASSWORD, 'user-1', registrationRecord, serverPublicKey);
    const client = attempt.finish();
    const { sessionKey } = await server.opaqueLoginFinish({
      serverLoginState: attempt.serverStart.serverLoginState,
      finishLoginRequest: client.finishLoginRequest,
    });
    expect(sessionKey).toBe(client.sessionKey);
    expect(client.exportKey).toBe(registrationExportKey);
    expect(client.serverStaticPublicKey).toBe(serverPublicKey);
    expect(deriveKekFromExportKey(client.exportKey)).toEqual(deriveKekFromExportKey(registrationExportKey));
    // nothing the server saw is password-equivalent
    for (const seen of [registrationRecord, attempt.serverStart.serverLoginState, client.finishLoginRequest]) {
      expect(seen).not.toContain(client.exportKey);
      expect(seen).not.toContain(PASSWORD);
    }
  });

  it('turns a wrong password into OPAQUE_FAILED, and the server refuses a forged finish', async () => {
    const attempt = await login('wrong password', 'user-1', registrationRecord);
    expectCryptoError(() => attempt.finish(), 'OPAQUE_FAILED');
    await expectCryptoErrorAsync(
      () => server.opaqueLoginFinish({ serverLoginState: attempt.serverStart.serverLoginState, finishLoginRequest: 'AAAA' }),
      'OPAQUE_FAILED',
    );
  });

  it('answers an unknown user like a known one, and the client fails with OPAQUE_FAILED', async () => {
    const unknown = await login(PASSWORD, 'nobody', null);
    const known = await login(PASSWORD, 'user-1', registrationRecord);
    expect(unknown.serverStart.loginResponse.length).toBe(known.serverStart.loginResponse.length);
    expectCryptoError(() => unknown.finish(), 'OPAQUE_FAILED');
  });

  it('refuses a server static key that differs from the pinned one (KEY_MISMATCH)', async () => {
    const otherSetup = await server.createOpaqueServerSetup();
    const otherKey = await server.opaqueServerPublicKey(otherSetup);
    expect(otherKey).not.toBe(serverPublicKey);
    const attempt = await login(PASSWORD, 'user-1', registrationRecord, otherKey);
    expectCryptoError(() => attempt.finish(), 'KEY_MISMATCH');

    const start = opaqueRegistrationStart(PASSWORD);
    const { registrationResponse } = await server.opaqueRegistrationResponse({
      serverSetup: otherSetup,
      userIdentifier: 'user-2',
      registrationRequest: start.registrationRequest,
    });
    expectCryptoError(
      () =>
        opaqueRegistrationFinish({
          password: PASSWORD,
          clientRegistrationState: start.clientRegistrationState,
          registrationResponse,
          expectedServerPublicKey: serverPublicKey,
        }),
      'KEY_MISMATCH',
    );
  });

  it('wraps library failures on garbage input', async () => {
    expectCryptoError(() => opaqueLoginFinish({ password: PASSWORD, clientLoginState: 'zz', loginResponse: 'zz' }), 'OPAQUE_FAILED');
    expectCryptoError(() => opaqueLoginStart(''), 'OPAQUE_FAILED');
    expectCryptoError(() => opaqueRegistrationStart(''), 'OPAQUE_FAILED');
    await expectCryptoErrorAsync(
      () => server.opaqueRegistrationResponse({ serverSetup, userIdentifier: 'u', registrationRequest: 'not-a-request' }),
      'OPAQUE_FAILED',
    );
    await expectCryptoErrorAsync(() => server.opaqueServerPublicKey('garbage'), 'OPAQUE_FAILED');
  });

  it('keeps the server module free of libsodium (checked through its whole import graph)', () => {
    const here = dirname(fileURLToPath(import.meta.url));
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const source = readFileSync(file, 'utf8');
      const specifiers = [...source.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map((match) => match[1]!);
      for (const specifier of specifiers) {
        expect(specifier, file).not.toMatch(/sodium/);
        if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier));
      }
    };
    visit(resolve(here, 'opaqueServer.ts'));
    expect(seen.size).toBeGreaterThanOrEqual(2);
  });
});

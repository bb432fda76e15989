import { describe, expect, it } from 'vitest';
import * as api from './index.ts';
import * as opaqueServer from './opaque/opaqueServer.ts';

// The names other packages code against. Renaming one is a breaking change.
const CLIENT_FUNCTIONS = [
  'initCrypto', 'selfTest',
  'randomBytes', 'toBase64Url', 'fromBase64Url', 'utf8Encode', 'utf8Decode', 'concatBytes', 'constantTimeEqual', 'toHex',
  'encodeAad', 'sealAead', 'openAead', 'signDetached', 'verifyDetached', 'signChatRecord', 'readChatRecord', 'generateSigningKeyPair', 'generateBoxKeyPair',
  'generateSymmetricKey', 'deriveSubkey', 'wrapKey', 'unwrapKey',
  'deriveKekFromExportKey', 'generateMasterKey', 'generateRecoveryKey', 'formatRecoveryKey', 'parseRecoveryKey',
  'deriveRecoveryWrappingKey', 'deriveRecoverySigningKeyPair', 'signRecoveryProof', 'verifyRecoveryProof',
  'generateIdentity', 'wrapIdentity', 'unwrapIdentity', 'createPublicBundle', 'verifyPublicBundle', 'fingerprint', 'safetyNumber',
  'sealGrant', 'openGrant', 'readGrantHeader', 'isGrantItemKind',
  'encryptChunk', 'decryptChunk', 'decryptChunks',
  'generateLinkSecret', 'linkIdFromSecret', 'deriveLinkKey', 'assertArgon2Params', 'encodeLinkFragment', 'decodeLinkFragment',
  'opaqueRegistrationStart', 'opaqueRegistrationFinish', 'opaqueLoginStart', 'opaqueLoginFinish',
  'asSymmetricKey', 'asSigningPublicKey', 'asSigningSecretKey', 'asBoxPublicKey', 'asBoxSecretKey', 'asLinkSecret', 'asRecoveryKey',
];
const SERVER_FUNCTIONS = [
  'createOpaqueServerSetup', 'opaqueServerPublicKey', 'opaqueRegistrationResponse', 'opaqueLoginStart', 'opaqueLoginFinish',
];

describe('public API', () => {
  it('exports every contracted client function', () => {
    for (const name of CLIENT_FUNCTIONS) expect(typeof (api as Record<string, unknown>)[name], name).toBe('function');
  });

  it('exports the server side of OPAQUE separately', () => {
    for (const name of SERVER_FUNCTIONS) expect(typeof (opaqueServer as Record<string, unknown>)[name], name).toBe('function');
    expect(Object.keys(api)).not.toContain('createOpaqueServerSetup');
  });

  it('exports the named constants', () => {
    expect(api.FILE_CHUNK_SIZE).toBe(4 * 1024 * 1024);
    expect(api.LINK_ARGON2_OPSLIMIT).toBeGreaterThanOrEqual(3);
    expect(api.LINK_ARGON2_MEMLIMIT).toBeGreaterThanOrEqual(64 * 1024 * 1024);
    expect(api.OPAQUE_KEY_STRETCHING).toBe('memory-constrained');
    expect(api.MAX_GRANT_ITEM_NAME_BYTES).toBe(1024);
    expect(api.GRANT_ITEM_KINDS).toEqual(['folder', 'doc', 'sheet', 'calendar', 'chat', 'file']);
  });

  it('keeps internal seams private', () => {
    for (const name of ['sealAeadWithNonce', 'runSelfTest', 'decodeAad', 'getSodium', 'cryptoRuntime']) {
      expect(Object.keys(api)).not.toContain(name);
    }
  });
});

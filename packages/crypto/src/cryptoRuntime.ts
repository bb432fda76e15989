import type _sodium from 'libsodium-wrappers-sumo';

export type Sodium = typeof _sodium;

/** Module state set by initCrypto: sodium once loaded, `initialised` once the self-test passed. */
export const cryptoRuntime: { sodium: Sodium | null; initialised: boolean } = {
  sodium: null,
  initialised: false,
};

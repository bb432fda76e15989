/**
 * Known-answer vectors for the start-up self-test. Where a published vector
 * exists it is used verbatim; the others were computed once with libsodium
 * 1.0.22 and must never change.
 */
export const KNOWN_ANSWERS = {
  /** draft-irtf-cfrg-xchacha-03 §A.3.1 */
  xchacha20poly1305: {
    key: '808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f',
    nonce: '404142434445464748494a4b4c4d4e4f5051525354555657',
    ad: '50515253c0c1c2c3c4c5c6c7',
    plaintext:
      "Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, sunscreen would be it.",
    ciphertext:
      'bd6d179d3e83d43b9576579493c0e939572a1700252bfaccbed2902c21396cbb731c7f1b0b4aa6440bf3a82f4eda7e39' +
      'ae64c6708c54c216cb96b72e1213b4522f8c9ba40db5d945b11b69b982c1bb9e3f3fac2bc369488f76b2383565d3fff9' +
      '21f9664c97637da9768812f615c68b13b52ec0875924c1c7987947deafd8780acf49',
  },
  /** RFC 8032 §7.1 TEST 2 */
  ed25519: {
    seed: '4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb',
    publicKey: '3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c',
    message: '72',
    signature:
      '92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da' +
      '085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00',
  },
  /** RFC 7748 §5.2, first vector */
  x25519: {
    scalar: 'a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4',
    point: 'e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c',
    shared: 'c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552',
  },
  /** RFC 7693 Appendix A (BLAKE2b-512 of "abc") */
  blake2b512: {
    message: 'abc',
    digest:
      'ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1' +
      '7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923',
  },
  /** keyed BLAKE2b-256, as used for commitments and link ids */
  blake2b256Keyed: {
    key: '808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f',
    message: 'coffre self-test',
    digest: 'b2b5c5655886fbd075a7d55c2416fd72721fce076b9cb4f11dcd4308333edcf7',
  },
  kdf: {
    key: '808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f',
    subkeyId: 1,
    context: 'selftest',
    subkey: '6346068e5ac497ca6488166e0d2e3a37d78b071a9a27ed395ed5829eedfa40cb',
  },
  /** small parameters: the KAT checks correctness, not cost */
  argon2id: {
    password: 'coffre self-test password',
    salt: '000102030405060708090a0b0c0d0e0f',
    opsLimit: 2,
    memLimit: 65536,
    output: '8321ba5bcd35bc18b06d9b5c014e37dd25fc3a8a51e42a9c3e74051409f57265',
  },
  /** crypto_box_seal_open of a fixed sealed box (X25519 + XSalsa20-Poly1305) */
  sealedBox: {
    seed: '0101010101010101010101010101010101010101010101010101010101010101',
    publicKey: '1b1b58dd50ea14b60da17b790cd02754d970c9bab864ebb3c0f3016fe51d3f57',
    sealed:
      '9543d0705f306d68ec1c18b1e3246bc8470c59162ae803b9ee878f847cf4106d6def237696f9c59be8df1935b5391e3b' +
      'ead468247f68d958d779ac749a9bf4cc46c2c288bab14a2b62e134',
    plaintext: 'coffre sealed box self-test',
  },
} as const;

export type KnownAnswerName =
  | 'xchacha20poly1305'
  | 'xchacha20poly1305-open'
  | 'ed25519-public-key'
  | 'ed25519-signature'
  | 'ed25519-verify'
  | 'x25519'
  | 'blake2b512'
  | 'blake2b256-keyed'
  | 'kdf'
  | 'argon2id'
  | 'sealed-box-public-key'
  | 'sealed-box-open';

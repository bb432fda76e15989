import type { EncryptedImageAttrs } from '../EncryptedImageAttrs.ts';

/** Test-only: valid image node attributes; the key is a fixed dummy that no test may find in any output. */
export function buildImageAttrs(overrides: Partial<EncryptedImageAttrs> = {}): EncryptedImageAttrs {
  return {
    fileId: 'imgFile0123456789abcd',
    key: 'KEYMATERIALkeymaterialKEYMATERIALkeymateria',
    chunkCount: 1,
    mime: 'image/png',
    alt: 'chart.png',
    width: null,
    ...overrides,
  };
}

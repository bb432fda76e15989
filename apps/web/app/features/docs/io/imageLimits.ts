const MiB = 1024 * 1024;

/** What an image in a document may be. */
export const IMAGE_LIMITS = {
  /** The one upload is decrypted whole in every reader's tab, so it stays modest. */
  MAX_BYTES: 20 * MiB,
  /** Raster types every browser decodes. SVG is left out on purpose: it can carry script. */
  TYPES: ['image/png', 'image/jpeg', 'image/gif', 'image/webp'],
  /** Bounds the download loop for a damaged or hostile node; 20 MB is 5 chunks of 4 MiB. */
  MAX_CHUNKS: 64,
} as const;

export type ImageMime = (typeof IMAGE_LIMITS.TYPES)[number];

import { z } from 'zod';
import { IMAGE_LIMITS } from './imageLimits.ts';

/**
 * An image node's attributes as they live in the encrypted Y.Doc: where the
 * sealed file is, the key that opens it, and how to show it. Any member can
 * write these, so readers parse them before fetching anything.
 */
export const EncryptedImageAttrs = z.object({
  fileId: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
  /** A 32-byte symmetric key, base64url without padding. */
  key: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  chunkCount: z.number().int().min(1).max(IMAGE_LIMITS.MAX_CHUNKS),
  mime: z.enum(IMAGE_LIMITS.TYPES),
  alt: z.string().max(1000).catch(''),
  width: z.number().int().min(1).max(10_000).nullable().catch(null),
});

export type EncryptedImageAttrs = z.infer<typeof EncryptedImageAttrs>;

import { randomBytes } from './randomBytes.ts';
import { KEY_BYTES, type LinkSecret } from './types.ts';

/** 32 random bytes that live only in the share link's URL fragment. */
export function generateLinkSecret(): LinkSecret {
  return randomBytes(KEY_BYTES.linkSecret) as LinkSecret;
}

import type { EncryptedImageAttrs } from './EncryptedImageAttrs.ts';

/**
 * Image attributes this tab has shown, by file id. The clipboard carries only
 * `<img data-coffre-image>` (never the key), so a copy-paste inside the tab
 * finds the rest here; an id the tab has not seen pastes nothing.
 */
export const rememberedImages = new Map<string, EncryptedImageAttrs>();

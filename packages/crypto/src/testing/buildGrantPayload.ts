import type { AadFields } from '../aadFormat.ts';
import { GRANT_LAYOUT } from '../grantLayout.ts';
import { fixedBytes } from './fixedBytes.ts';

/**
 * Fields of a valid grant payload (item-1, epoch 3, viewer, a folder named
 * "Quarterly plan"), with `overrides`; the padding is recomputed for the
 * final kind and name unless overridden too.
 */
export function buildGrantPayload(overrides: AadFields = {}): AadFields {
  const fields = { itemId: 'item-1', epoch: 3, role: 'viewer', itemKey: fixedBytes(32, 4), itemKind: 'folder', itemName: 'Quarterly plan', ...overrides };
  const textBytes = new TextEncoder().encode(String(fields.itemKind) + String(fields.itemName)).length;
  return { padding: new Uint8Array(Math.max(0, GRANT_LAYOUT.payloadTextBytes - textBytes)), ...fields };
}

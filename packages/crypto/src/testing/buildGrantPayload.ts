import type { AadFields } from '../aadFormat.ts';
import { GRANT_LAYOUT, GRANT_WRITE_FIELD_BYTES } from '../grantLayout.ts';
import { fixedBytes } from './fixedBytes.ts';

/**
 * Fields of a valid grant payload (item-1, epoch 3, viewer, a folder named
 * "Quarterly plan", made before write keys), with `overrides`; the padding
 * is recomputed for the final kind, name and write fields unless overridden too.
 */
export function buildGrantPayload(overrides: AadFields = {}): AadFields {
  const fields = {
    itemId: 'item-1',
    epoch: 3,
    role: 'viewer',
    itemKey: fixedBytes(32, 4),
    itemKind: 'folder',
    itemName: 'Quarterly plan',
    writer: new Uint8Array(0),
    writeKey: new Uint8Array(0),
    ...overrides,
  };
  const textBytes = new TextEncoder().encode(String(fields.itemKind) + String(fields.itemName)).length;
  const writeBytes = (fields.writer as Uint8Array).length + (fields.writeKey as Uint8Array).length;
  return { padding: new Uint8Array(Math.max(0, GRANT_LAYOUT.payloadTextBytes + GRANT_WRITE_FIELD_BYTES - textBytes - writeBytes)), ...fields };
}

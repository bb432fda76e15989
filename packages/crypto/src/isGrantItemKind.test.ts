import { beforeAll, describe, expect, it } from 'vitest';
import { initCrypto } from './initCrypto.ts';
import { GRANT_ITEM_KINDS, isGrantItemKind } from './isGrantItemKind.ts';

describe('isGrantItemKind', () => {
  beforeAll(initCrypto);

  it('accepts exactly the six kinds', () => {
    expect(GRANT_ITEM_KINDS).toEqual(['folder', 'doc', 'sheet', 'calendar', 'chat', 'file']);
    for (const kind of GRANT_ITEM_KINDS) expect(isGrantItemKind(kind)).toBe(true);
  });

  it('refuses anything else', () => {
    for (const value of ['', 'Folder', 'folder ', 'album', 'viewer', 'toString', undefined, null, 1, ['doc'], { kind: 'doc' }]) {
      expect(isGrantItemKind(value), String(value)).toBe(false);
    }
  });
});

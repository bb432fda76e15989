import * as Y from 'yjs';

/** A link I made, as only my browser knows it: the full address (with its secret) and what it points at. */
export type RememberedLink = {
  linkId: string;
  url: string;
  itemId: string;
  name: string;
  createdAt: number;
  /** The link key (base64url): re-seals the link after the item's key changes (resealLinks); absent in links remembered before. */
  key?: string;
};

const LINKS = 'links';

/**
 * My links live in my root folder document, encrypted like everything in it,
 * so "copy link" works later and on my other devices. The root folder is
 * never shared.
 */
export function rememberLink(rootDoc: Y.Doc, link: RememberedLink): void {
  rootDoc.getMap<Y.Map<unknown>>(LINKS).set(link.linkId, new Y.Map<unknown>(Object.entries(link)));
}

export function forgetLink(rootDoc: Y.Doc, linkId: string): void {
  rootDoc.getMap(LINKS).delete(linkId);
}

/** Entries that do not read back whole are skipped. */
export function rememberedLinks(rootDoc: Y.Doc): Map<string, RememberedLink> {
  const out = new Map<string, RememberedLink>();
  for (const [linkId, m] of rootDoc.getMap<Y.Map<unknown>>(LINKS)) {
    if (!(m instanceof Y.Map)) continue;
    const url = m.get('url');
    const itemId = m.get('itemId');
    const name = m.get('name');
    const createdAt = m.get('createdAt');
    if (typeof url === 'string' && url.includes('/s#') && typeof itemId === 'string' && typeof name === 'string' && typeof createdAt === 'number') {
      const key = m.get('key');
      out.set(linkId, { linkId, url, itemId, name, createdAt, ...(typeof key === 'string' && /^[A-Za-z0-9_-]{43}$/.test(key) && { key }) });
    }
  }
  return out;
}

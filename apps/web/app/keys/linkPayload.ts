import { z } from 'zod';

const ItemId = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);
/** Every link payload: format version, the item's name, and its key (base64url). */
const Key32 = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
const LinkBase = z.object({ v: z.literal(1), name: z.string().max(1024), key: Key32 });

/** Most people a link's directory names; others are looked up through the link (ADR 0018). */
export const MAX_LINK_AUTHORS = 200;
/**
 * The people of a chat room (or of a folder, for the rooms in it) as the
 * link's maker's device trusts them: user id, username and signing key
 * (base64url). Sealed with the rest, so the server cannot change whom a
 * visitor believes wrote a message (ADR 0018).
 */
const LinkAuthors = z.array(z.object({ id: z.string().min(1).max(64), name: z.string().regex(/^[a-z0-9][a-z0-9._-]{2,31}$/), key: Key32 })).max(MAX_LINK_AUTHORS).optional();
export type LinkAuthor = NonNullable<z.infer<typeof LinkAuthors>>[number];

/** What a file link's sealed payload holds: enough to find, open and name one file version. */
export const FileLinkPayload = LinkBase.extend({
  kind: z.literal('file'),
  mime: z.string().max(255),
  size: z.number().int().min(0),
  fileId: ItemId,
  version: z.number().int().min(1),
  chunkCount: z.number().int().min(1),
  /** The version's plaintext digest (ADR 0015); absent in links made before digests were kept, or for versions without one. */
  digest: z.string().regex(/^[A-Za-z0-9_-]{43}$/).optional(),
});

export type FileLinkPayload = z.infer<typeof FileLinkPayload>;

/**
 * What a document link's sealed payload holds: the document and its key,
 * which editor opens it (absent in links made before spreadsheets: a
 * word-processor document), and `role: 'editor'` for an edit link (the server
 * must agree: it enforces the role it stored). `writer` is the document's
 * public write key, which writes are checked against; an edit link also
 * carries its write key (ADR 0016). Both absent for documents made before.
 * A chat room's link names its people (`authors`, ADR 0018).
 */
export const DocLinkPayload = LinkBase.extend({
  kind: z.literal('doc'),
  docId: ItemId,
  epoch: z.number().int().min(1),
  docKind: z.enum(['doc', 'sheet', 'calendar', 'chat']).optional(),
  role: z.enum(['viewer', 'editor']).optional(),
  writer: Key32.optional(),
  writeKey: Key32.optional(),
  authors: LinkAuthors,
});

export type DocLinkPayload = z.infer<typeof DocLinkPayload>;

/**
 * What a folder link's sealed payload holds: the folder and its key;
 * everything under it opens from there. An edit link (`role: 'editor'`) also
 * carries the folder's write key, which opens the write keys of everything
 * under it (ADR 0013, 0016).
 */
export const FolderLinkPayload = LinkBase.extend({
  kind: z.literal('folder'),
  folderId: ItemId,
  epoch: z.number().int().min(1),
  role: z.enum(['viewer', 'editor']).optional(),
  writer: Key32.optional(),
  writeKey: Key32.optional(),
  authors: LinkAuthors,
});

export type FolderLinkPayload = z.infer<typeof FolderLinkPayload>;

export const LinkPayload = z.discriminatedUnion('kind', [FileLinkPayload, DocLinkPayload, FolderLinkPayload]);
export type LinkPayload = z.infer<typeof LinkPayload>;

/** The item a payload points at; the server's answer must name the same one. */
export function linkPayloadItemId(p: LinkPayload): string {
  return p.kind === 'file' ? p.fileId : p.kind === 'doc' ? p.docId : p.folderId;
}

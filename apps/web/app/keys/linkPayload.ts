import { z } from 'zod';

/** What a file link's sealed payload holds: enough to find, open and name one file version. */
export const FileLinkPayload = z.object({
  v: z.literal(1),
  kind: z.literal('file'),
  name: z.string().max(1024),
  mime: z.string().max(255),
  size: z.number().int().min(0),
  fileId: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
  version: z.number().int().min(1),
  chunkCount: z.number().int().min(1),
  key: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
});

export type FileLinkPayload = z.infer<typeof FileLinkPayload>;

/** What a document link's sealed payload holds: the document and its key (view only). */
export const DocLinkPayload = z.object({
  v: z.literal(1),
  kind: z.literal('doc'),
  name: z.string().max(1024),
  docId: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
  key: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  epoch: z.number().int().min(1),
});

export type DocLinkPayload = z.infer<typeof DocLinkPayload>;

/** What a folder link's sealed payload holds: the folder and its key; everything under it opens from there (view only). */
export const FolderLinkPayload = z.object({
  v: z.literal(1),
  kind: z.literal('folder'),
  name: z.string().max(1024),
  folderId: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
  key: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  epoch: z.number().int().min(1),
});

export type FolderLinkPayload = z.infer<typeof FolderLinkPayload>;

export const LinkPayload = z.discriminatedUnion('kind', [FileLinkPayload, DocLinkPayload, FolderLinkPayload]);
export type LinkPayload = z.infer<typeof LinkPayload>;

/** The item a payload points at; the server's answer must name the same one. */
export function linkPayloadItemId(p: LinkPayload): string {
  return p.kind === 'file' ? p.fileId : p.kind === 'doc' ? p.docId : p.folderId;
}

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

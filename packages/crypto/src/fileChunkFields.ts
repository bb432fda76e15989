import type { AadFields } from './aadFormat.ts';
import { CryptoError } from './CryptoError.ts';

export interface FileChunkPosition {
  fileId: string;
  /** file version number */
  version: number;
  /** 0-based chunk index */
  index: number;
  isFinal: boolean;
}

/** AAD fields of a file chunk; all four are bound so chunks cannot move. */
export function fileChunkFields(position: FileChunkPosition): AadFields {
  if (typeof position.isFinal !== 'boolean') throw new CryptoError('MALFORMED', 'chunk isFinal');
  return { fileId: position.fileId, version: position.version, index: position.index, isFinal: position.isFinal };
}

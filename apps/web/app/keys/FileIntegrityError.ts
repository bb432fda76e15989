/**
 * A file failed its integrity check: a chunk did not open at its place (the
 * server or the network changed, swapped, dropped or cut it), or every chunk
 * opened but the plaintext is not what the uploader hashed (`digest`).
 */
export class FileIntegrityError extends Error {
  constructor(
    /** The chunk that failed; for `digest`, the final chunk, whose bytes were held back. */
    readonly index: number,
    readonly check: 'chunk' | 'digest' = 'chunk',
  ) {
    super('This file failed its integrity check: it was changed on the server, or is not what was uploaded. Nothing was saved.');
    this.name = 'FileIntegrityError';
  }
}

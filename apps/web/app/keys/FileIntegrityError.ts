/** A chunk failed to open: the server (or the network) changed, swapped, dropped or cut the file. */
export class FileIntegrityError extends Error {
  constructor(readonly index: number) {
    super('This file failed its integrity check: what the server sent is not what was uploaded. Nothing was saved.');
    this.name = 'FileIntegrityError';
  }
}

export type DocumentImportErrorCode =
  /** The bytes are not a readable file of the expected format (corrupt, truncated, or not that format at all). */
  | 'MALFORMED_FILE'
  /** A real file of another kind: legacy .doc, an encrypted Word file, a spreadsheet, a PDF… */
  | 'UNSUPPORTED_FILE'
  /** Over a limit in `IMPORT_LIMITS`; `limitBytes` says which. */
  | 'TOO_LARGE';

/**
 * An import that failed before anything was applied. The message is fit to show
 * as it is and never quotes the file's content.
 */
export class DocumentImportError extends Error {
  constructor(
    readonly code: DocumentImportErrorCode,
    message: string,
    /** The limit that was exceeded, for `TOO_LARGE`. */
    readonly limitBytes?: number,
  ) {
    super(message);
    this.name = 'DocumentImportError';
  }
}

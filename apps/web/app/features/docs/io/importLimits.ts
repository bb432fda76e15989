const MiB = 1024 * 1024;

/** Byte limits on imported files; checked before any parsing. */
export const IMPORT_LIMITS = {
  /** A .docx as picked by the user; images in it are skipped, so this mostly bounds the zip work. */
  MAX_DOCX_BYTES: 25 * MiB,
  /** Sum of the uncompressed sizes the .docx's zip directory declares (a zip-bomb guard). */
  MAX_DOCX_UNCOMPRESSED_BYTES: 100 * MiB,
  /** Markdown text, measured as UTF-8. */
  MAX_MARKDOWN_BYTES: 5 * MiB,
} as const;

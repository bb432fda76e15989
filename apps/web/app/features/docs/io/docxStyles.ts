/**
 * Styles `exportDocx` defines and `importDocx` maps back to quotes and code.
 * Kept apart so the importer does not load the `docx` writer.
 */
export const DOCX_STYLES = {
  /** Word's own built-in quote style. */
  QUOTE: { id: 'Quote', name: 'Quote' },
  CODE_BLOCK: { id: 'CodeBlock', name: 'Code Block' },
  INLINE_CODE: { id: 'InlineCode', name: 'Inline Code' },
} as const;

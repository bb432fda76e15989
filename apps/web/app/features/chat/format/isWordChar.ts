const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

/** Letters (with their combining marks) and digits in any script: what emphasis markers, links and mentions must not touch. */
export function isWordChar(char: string | undefined): boolean {
  return char !== undefined && WORD_CHAR.test(char);
}

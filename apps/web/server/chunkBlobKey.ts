/** Sealed chunk `index` of a file version; parsed from the right, so ids may contain `_`. */
export function chunkBlobKey(fileId: string, version: number, index: number): string {
  return `f_${fileId}_${version}_${index}`;
}

/** One file of a zip, as its central directory describes it. */
export type XlsxZipEntry = {
  name: string;
  /** 0 stored, 8 deflated; nothing else is read. */
  method: number;
  compressedSize: number;
  /** As declared; `inspectXlsxParts` measures the real size. */
  uncompressedSize: number;
  localHeaderOffset: number;
};

/** Saves bytes made in this tab as a file, through a blob: URL (nothing goes to the server). */
export function downloadBytes(bytes: Uint8Array, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name from a title: no path separators, control or reserved characters, not too long. */
export function safeFileName(title: string): string {
  const cleaned = title
    .normalize('NFKC')
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*\u202a-\u202e\u2066-\u2069]/g, ' ')
    .split(/\s+/)
    .filter((part) => part !== '' && !/^\.+$/.test(part)) // no '..' segments
    .join(' ')
    .replace(/^\.+/, '')
    .slice(0, 120);
  return /^(con|prn|aux|nul|com\d|lpt\d)$/i.test(cleaned) || cleaned === '' ? 'document' : cleaned;
}

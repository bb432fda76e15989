/** A file picked or dropped, with the folders it sat in (empty for a loose file). */
export type PickedFile = { file: File; folders: string[] };

/** Files from an <input> (with `webkitdirectory`, each carries its relative path). */
export function pickedFromInput(files: FileList): PickedFile[] {
  return [...files].map((file) => {
    const parts = (file.webkitRelativePath || file.name).split('/');
    return { file, folders: parts.slice(0, -1) };
  });
}

/** Files and whole folder trees dropped from the desktop. */
export async function collectDroppedFiles(dt: DataTransfer): Promise<PickedFile[]> {
  const entries = [...dt.items].map((i) => (i.kind === 'file' ? i.webkitGetAsEntry?.() : null)).filter((e): e is FileSystemEntry => !!e);
  if (entries.length === 0) return [...dt.files].map((file) => ({ file, folders: [] }));
  const out: PickedFile[] = [];
  const walk = async (entry: FileSystemEntry, folders: string[]): Promise<void> => {
    if (entry.isFile) {
      const file = await new Promise<File>((ok, fail) => (entry as FileSystemFileEntry).file(ok, fail));
      out.push({ file, folders });
    } else if (entry.isDirectory) {
      const reader = (entry as FileSystemDirectoryEntry).createReader();
      for (;;) {
        // readEntries returns at most ~100 at a time; call until empty.
        const batch = await new Promise<FileSystemEntry[]>((ok, fail) => reader.readEntries(ok, fail));
        if (batch.length === 0) break;
        for (const child of batch) await walk(child, [...folders, entry.name]);
      }
    }
  };
  for (const e of entries) await walk(e, []);
  return out;
}

import { useState } from 'react';
import type { FolderEntry } from '@coffre/docs';
import { errorMessage } from '../../components/errorMessage.ts';
import type { DriveFolderActions } from './DriveFolderActions.client.ts';
import { formatBytes } from './formatBytes.ts';
import { useDownloader } from './useDownloader.ts';
import { useTransfers } from './TransferProvider.tsx';

type FileEntry = Extract<FolderEntry, { kind: 'file' }>;

/** Every uploaded version of a file: download any, or restore one as a new version (nothing is lost). */
export function VersionsDialog({ entry, canEdit, actions, onClose, onChanged }: { entry: FileEntry; canEdit: boolean; actions: DriveFolderActions; onClose(): void; onChanged(): void }) {
  const download = useDownloader();
  const transfers = useTransfers();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const versions = [...entry.versions].sort((a, b) => b.version - a.version);
  const current = versions[0]?.version;

  async function restore(version: number) {
    setBusy(true);
    setError(null);
    try {
      const blob = await download(entry, { version, save: false });
      if (!blob) return;
      const { upload, finished } = actions.startUpload(new File([blob], entry.title, { type: entry.mime }), { replaceId: entry.id });
      transfers.add({ id: `${entry.id}:${upload.target.version}`, name: `${entry.title} (restoring version ${version})`, direction: 'up', upload });
      if (await finished) onChanged();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="dialog-backdrop">
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="versions-title">
        <h2 id="versions-title">Versions of {entry.title}</h2>
        {error && <p className="error" role="alert">{error}</p>}
        <table className="entries">
          <thead>
            <tr>
              <th>Version</th>
              <th>Uploaded</th>
              <th>By</th>
              <th>Size</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.version} data-version={v.version}>
                <td>{v.version}{v.version === current ? ' (current)' : ''}</td>
                <td>{new Date(v.created).toLocaleString()}</td>
                <td>{v.uploadedBy}</td>
                <td>{formatBytes(v.size)}</td>
                <td>
                  <button type="button" className="link" onClick={() => void download(entry, { version: v.version })}>Download</button>
                  {canEdit && v.version !== current && (
                    <button type="button" className="link" disabled={busy} onClick={() => void restore(v.version)}>Restore</button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="dialog-actions">
          <button type="button" className="secondary" onClick={onClose}>Close</button>
        </div>
      </div>
    </div>
  );
}

import { useEffect, useRef } from 'react';
import { asSymmetricKey, fromBase64Url } from '@coffre/crypto';
import { FileUpload } from '../../keys/FileUpload.client.ts';
import { rootFolderKeys } from '../../keys/rootFolderId.client.ts';
import { getUnlockedAccount } from '../../keys/unlockedAccount.client.ts';
import { uploadResumeStore } from '../../keys/uploadResumeStore.client.ts';
import { useHomeFolder } from '../docs/HomeFolderProvider.tsx';
import { acquireFolder, folderReady } from './folderSessions.client.ts';
import { makeThumbnail } from './makeThumbnail.client.ts';
import { recordUploadedFile } from './recordUploadedFile.ts';
import { useTransfers } from './TransferProvider.tsx';

/**
 * After a reload: picks up uploads this browser had not finished, continues
 * each from the chunks the server holds, and files it in its folder.
 */
export function ResumeUploads() {
  const home = useHomeFolder();
  const transfers = useTransfers();
  const started = useRef(false);

  useEffect(() => {
    const account = getUnlockedAccount();
    if (!home.ready || !account || started.current) return;
    started.current = true;
    void (async () => {
      const pending = await uploadResumeStore.list(account.userId, rootFolderKeys(account.masterKey).key).catch(() => []);
      for (const { record, file } of pending) {
        const upload = new FileUpload(file, { fileId: record.fileId, parentId: record.parent.id, version: record.version, key: asSymmetricKey(fromBase64Url(record.fileKey)) }, { resumed: true });
        transfers.add({ id: `${record.fileId}:${record.version}`, name: record.name, direction: 'up', upload });
        const thumbnail = record.replacing ? null : makeThumbnail(file);
        void upload.run().then(async (ok) => {
          if (upload.state === 'cancelled') await uploadResumeStore.remove(account.userId, record.fileId, record.version);
          if (!ok) return;
          const { writeKey, ...parent } = record.parent;
          const held = acquireFolder(account, home.collabUrl, { ...parent, ...(writeKey && { writeKey: asSymmetricKey(fromBase64Url(writeKey)) }) });
          try {
            await folderReady(held.open);
            recordUploadedFile(held.open.session.doc, { ...record, size: file.size, sealedSize: upload.sealedSize, chunkCount: upload.chunkCount, digest: upload.digest!, thumbnail: await thumbnail });
            held.open.session.flush();
            await uploadResumeStore.remove(account.userId, record.fileId, record.version);
          } finally {
            held.release();
          }
        });
      }
    })();
  }, [home.ready, home.collabUrl, transfers]);
  return null;
}

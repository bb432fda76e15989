import { Link } from 'react-router';
import { updateFolderEntry } from '@coffre/docs';
import { ItemWithChat } from '../chat/ItemWithChat.tsx';
import { DocEditor } from './DocEditor.tsx';
import { ShareDialog } from './ShareDialog.tsx';
import { useOpenedEntry } from './useOpenedEntry.ts';
import { userColor } from './userColor.ts';
import { rotatedEntryPatch } from '../../keys/writeKeys.client.ts';

/** The word processor's page: the document's key comes from the folder it sits in. */
export default function DocEditorPage({ docId }: { docId: string }) {
  const opened = useOpenedEntry(docId, 'doc');
  if (opened.state === 'loading') return <p className="muted">Decrypting your documents…</p>;
  if (opened.state === 'missing') return <EntryNotFound what="Document" />;
  if (opened.state === 'opening') return <p className="muted">Opening…</p>;
  const { entry, open, account, readOnly, canShare, parentDoc, parentId } = opened;
  return (
    <ItemWithChat parent={open} parentId={docId} title={entry.title} readOnly={readOnly}>
      {(chatToggle) => (
        <DocEditor
          docId={docId}
          open={open}
          readOnly={readOnly}
          user={{ name: account.username, color: userColor(account.userId) }}
          me={{ userId: account.userId }}
          headerExtra={
            <>
              {chatToggle}
              {canShare && (
                <ShareDialog account={account} docId={docId} epoch={entry.epoch} docKey={entry.key} kind="doc" name={entry.title} writer={entry.writer} open={open} onRotated={(r) => parentDoc && parentId && updateFolderEntry(parentDoc, docId, rotatedEntryPatch(docId, r, parentId))} />
              )}
            </>
          }
          titleSync={{ entryTitle: entry.title, onChange: (title) => parentDoc && updateFolderEntry(parentDoc, docId, { title, modified: Date.now() }) }}
        />
      )}
    </ItemWithChat>
  );
}

export function EntryNotFound({ what }: { what: string }) {
  return (
    <div className="card">
      <h1>{what} not found</h1>
      <p className="muted">It is not in your drive, or it was shared with you in a way this version cannot open yet.</p>
      <Link to="/drive">Back to your drive</Link>
    </div>
  );
}

import { updateFolderEntry } from '@coffre/docs';
import { EntryNotFound } from '../docs/DocEditorPage.tsx';
import { ShareDialog } from '../docs/ShareDialog.tsx';
import { useOpenedEntry } from '../docs/useOpenedEntry.ts';
import { userColor } from '../docs/userColor.ts';
import { ItemWithChat } from '../chat/ItemWithChat.tsx';
import { SpreadsheetEditor } from './SpreadsheetEditor.tsx';
import { rotatedEntryPatch } from '../../keys/writeKeys.client.ts';

/** A spreadsheet's page: the workbook's key comes from the folder it sits in. */
export default function SheetPage({ sheetId }: { sheetId: string }) {
  const opened = useOpenedEntry(sheetId, 'sheet');
  if (opened.state === 'loading') return <p className="muted">Decrypting your documents…</p>;
  if (opened.state === 'missing') return <EntryNotFound what="Spreadsheet" />;
  if (opened.state === 'opening') return <p className="muted">Opening…</p>;
  const { entry, open, account, readOnly, canShare, parentDoc, parentId } = opened;
  return (
    <ItemWithChat key={`${entry.epoch}`} parent={open} parentId={sheetId} title={entry.title} readOnly={readOnly}>
      {(chatToggle) => (
        <SpreadsheetEditor
          open={open}
          readOnly={readOnly}
          user={{ name: account.username, color: userColor(account.userId) }}
          headerExtra={
            <>
              {chatToggle}
              {canShare && (
                <ShareDialog account={account} docId={sheetId} epoch={entry.epoch} docKey={entry.key} kind="sheet" name={entry.title} writer={entry.writer} open={open} onRotated={(r) => parentDoc && parentId && updateFolderEntry(parentDoc, sheetId, rotatedEntryPatch(sheetId, r, parentId))} />
              )}
            </>
          }
          titleSync={{ entryTitle: entry.title, onChange: (title) => parentDoc && updateFolderEntry(parentDoc, sheetId, { title, modified: Date.now() }) }}
        />
      )}
    </ItemWithChat>
  );
}

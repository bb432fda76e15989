import { useState } from 'react';
import type { OpenDoc } from '../../keys/openEncryptedDoc.client.ts';
import { getUnlockedAccount } from '../../keys/unlockedAccount.client.ts';
import { useHomeFolder } from '../docs/HomeFolderProvider.tsx';
import { AttachedChat, ChatToggle } from './AttachedChat.tsx';

type Props = { parent: OpenDoc; parentId: string; title: string; readOnly: boolean; children(chatToggle: React.ReactNode): React.ReactNode };

/** A document, sheet, calendar or folder page with its chat panel beside it; the page places the toggle. */
export function ItemWithChat({ parent, parentId, title, readOnly, children }: Props) {
  const [open, setOpen] = useState(false);
  const folder = useHomeFolder();
  const account = getUnlockedAccount();
  return (
    <div className={open ? 'with-chat open' : 'with-chat'}>
      <div className="with-chat-main">{children(<ChatToggle open={open} onToggle={() => setOpen((o) => !o)} />)}</div>
      {open && account && <AttachedChat parent={parent} parentId={parentId} account={account} collabUrl={folder.collabUrl} readOnly={readOnly} title={title} onClose={() => setOpen(false)} />}
    </div>
  );
}

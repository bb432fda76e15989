import { lazy, Suspense, useEffect, useState } from 'react';
import { generateIdentity, type Identity } from '@coffre/crypto';
import { downloadThroughLink } from '../../keys/downloadFile.client.ts';
import type { DocLinkPayload } from '../../keys/linkPayload.ts';
import { openDocViaLink } from '../../keys/openDocViaLink.client.ts';
import type { OpenedLink } from '../../keys/openLink.client.ts';
import type { OpenDoc } from '../../keys/openEncryptedDoc.client.ts';
import { DocEditor } from '../docs/DocEditor.tsx';

const LinkedCalendar = lazy(() => import('../calendar/LinkedCalendar.tsx'));
const LinkedChat = lazy(() => import('./LinkedChat.tsx').then((m) => ({ default: m.LinkedChat })));
const SpreadsheetEditor = lazy(() => import('../sheets/SpreadsheetEditor.tsx').then((m) => ({ default: m.SpreadsheetEditor })));

/** A document opened through a link, with no account: the live editor, read-only unless it is an edit link. */
const noop = () => undefined;

export function LinkedDocument({ link, payload, collabUrl }: { link: OpenedLink; payload: DocLinkPayload; collabUrl: string }) {
  const [opened, setOpened] = useState<{ open: OpenDoc; identity: Identity } | null>(null);
  const [denied, setDenied] = useState(false);
  useEffect(() => {
    const via = { linkId: link.linkId, proof: link.proof };
    downloadThroughLink(via);
    // The visit's throwaway identity (ADR 0013); a guest's chat messages are signed with it too.
    const identity = generateIdentity();
    const handle = openDocViaLink({ docId: payload.docId, key: payload.key, epoch: payload.epoch, collabUrl, write: link.canEdit, writer: payload.writer, writeKey: link.canEdit ? payload.writeKey : undefined, identity, ...via });
    const off = handle.connection.onStatus((s) => s === 'denied' && setDenied(true));
    setOpened({ open: handle, identity });
    return () => {
      off();
      handle.close();
      downloadThroughLink(undefined);
    };
  }, [link, payload, collabUrl]);
  if (denied) return <p className="error" role="alert">This link does not work any more: it was stopped, or it expired.</p>;
  if (!opened) return <p className="muted">Opening the document…</p>;
  const { open } = opened;
  // Without the document's write key (a document made before write keys, or one whose key did not open) members would refuse every edit.
  const readOnly = !(link.canEdit && open.session.canWrite);
  const user = link.canEdit ? { name: 'Guest', color: '#6a5acd' } : { name: 'Visitor', color: '#888888' };
  // A guest keeps no folder entry: the name is only the placeholder of an untitled document.
  const titleSync = { entryTitle: payload.name, onChange: noop };
  if (payload.docKind === 'chat') {
    return (
      <Suspense fallback={<p className="muted">Opening the chat…</p>}>
        <LinkedChat link={link} payload={payload} open={open} identity={opened.identity} />
      </Suspense>
    );
  }
  if (payload.docKind === 'calendar') {
    return (
      <Suspense fallback={<p className="muted">Loading the calendar…</p>}>
        <LinkedCalendar open={open} canEdit={!readOnly} />
      </Suspense>
    );
  }
  if (payload.docKind === 'sheet') {
    return (
      <Suspense fallback={<p className="muted">Loading the spreadsheet…</p>}>
        <SpreadsheetEditor open={open} readOnly={readOnly} user={user} titleSync={titleSync} />
      </Suspense>
    );
  }
  return <DocEditor docId={payload.docId} open={open} readOnly={readOnly} canUploadImages={false} user={user} me={{ userId: `link:${link.linkId}` }} titleSync={titleSync} />;
}

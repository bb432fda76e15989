import { useEffect, useRef } from 'react';
import { EditorContent, ReactNodeViewRenderer, useEditor } from '@tiptap/react';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { CharacterCount, Placeholder } from '@tiptap/extensions';
import { TEXT_DOC, setTextDocTitle, textDocTitle } from '@coffre/docs';
import type { OpenDoc } from '../../keys/openEncryptedDoc.client.ts';
import { CommentsPanel } from './CommentsPanel.tsx';
import { DocFileMenu } from './DocFileMenu.tsx';
import { EditorToolbar } from './EditorToolbar.tsx';
import { HistoryPanel } from './HistoryPanel.tsx';
import { EncryptedImageView } from './images/EncryptedImageView.tsx';
import { ImageDropPaste } from './images/ImageDropPaste.ts';
import { ImageInsertStatus } from './images/ImageInsertStatus.tsx';
import { useImageInserter } from './images/useImageInserter.ts';
import { editorExtensions } from './io/editorExtensions.ts';
import { PresenceList } from './PresenceList.tsx';
import { SyncBadge } from './SyncBadge.tsx';
import { useKeepFocusAcrossRebuild } from './useKeepFocusAcrossRebuild.ts';
import { useTitleSync, type TitleSync } from './useTitleSync.ts';
import { useYText } from './useYText.ts';
import { WordCount } from './WordCount.tsx';

/** The word processor: Tiptap bound to the document's plaintext Y.Doc, which syncs only as envelopes. */
export function DocEditor({
  docId,
  open,
  user,
  me,
  readOnly,
  canUploadImages = true,
  headerExtra,
  titleSync,
}: {
  /** Images are uploaded as files of this document, readable by its members. */
  docId: string;
  open: OpenDoc;
  user: { name: string; color: string };
  me: { userId: string };
  readOnly: boolean;
  /** False for a guest of an edit link: images are uploaded as files of an account, which a guest has not. */
  canUploadImages?: boolean;
  headerExtra?: React.ReactNode;
  /** How the document's title and its folder entry's keep in step (useTitleSync). */
  titleSync: TitleSync;
}) {
  const doc = open.session.doc;
  const images = useImageInserter(docId);
  // The paste/drop extension outlives renders; it reaches the current editor and inserter through this ref.
  const handleDroppedImages = useRef<(files: File[], pos: number | null) => void>(() => undefined);
  const editor = useEditor(
    {
      immediatelyRender: false,
      editable: !readOnly,
      extensions: [
        ...editorExtensions({ imageView: ReactNodeViewRenderer(EncryptedImageView) }),
        ...(readOnly || !canUploadImages ? [] : [ImageDropPaste.configure({ onFiles: (files, pos) => handleDroppedImages.current(files, pos) })]),
        Collaboration.configure({ document: doc, field: TEXT_DOC.BODY }),
        CollaborationCaret.configure({ provider: { awareness: open.presence.awareness }, user }),
        CharacterCount,
        Placeholder.configure({ placeholder: 'Start writing…' }),
      ],
      editorProps: { attributes: { class: 'prose', 'aria-label': 'Document body' } },
    },
    [doc, readOnly],
  );
  handleDroppedImages.current = (files, pos) => editor && void images.insert(editor, files, pos);
  useKeepFocusAcrossRebuild(editor);

  const title = useYText(textDocTitle(doc));
  useTitleSync(open, title, titleSync);

  return (
    <div className="doc-editor" data-epoch={open.session.currentEpoch}>
      <div className="doc-head">
        <input
          className="doc-title"
          aria-label="Title"
          placeholder={titleSync.entryTitle || 'Untitled document'}
          value={title}
          readOnly={readOnly}
          onChange={(e) => setTextDocTitle(doc, e.target.value)}
        />
        {readOnly && <span className="badge">View only</span>}
        <PresenceList awareness={open.presence.awareness} />
        <SyncBadge open={open} />
        {editor && <DocFileMenu open={open} editor={editor} readOnly={readOnly} />}
        {editor && <HistoryPanel open={open} editor={editor} readOnly={readOnly} />}
        {headerExtra}
      </div>
      {editor && !readOnly && <EditorToolbar editor={editor} onInsertImages={canUploadImages ? (files) => void images.insert(editor, files) : undefined} />}
      {images.status && !readOnly && <ImageInsertStatus status={images.status} onDismiss={images.dismiss} />}
      <div className="doc-main">
        <EditorContent editor={editor} className="doc-body" />
        {editor && <CommentsPanel open={open} editor={editor} me={{ userId: me.userId, name: user.name }} readOnly={readOnly} />}
      </div>
      {editor && <WordCount editor={editor} />}
    </div>
  );
}

import { useRef, useState } from 'react';
import { TextSelection } from '@tiptap/pm/state';
import { useEditorState, type Editor } from '@tiptap/react';
import { useDismiss } from '../../components/useDismiss.ts';
import { safeHref } from './io/safeHref.ts';

/**
 * The toolbar's link button: a small form for the address of the link at the caret or of the
 * selected text. With nothing selected, the address as typed is inserted as the link's text. The
 * caret then sits after the link, as in other word processors.
 */
export function LinkMenu({ editor }: { editor: Editor }) {
  const [open, setOpen] = useState(false);
  const [address, setAddress] = useState('');
  const [error, setError] = useState('');
  const root = useRef<HTMLDivElement>(null);
  const current = useEditorState({ editor, selector: ({ editor: e }) => (e.isActive('link') ? ((e.getAttributes('link').href as string | undefined) ?? '') : null) });
  useDismiss(open, root, () => setOpen(false));

  function toggle() {
    if (!open) {
      setAddress(current ?? '');
      setError('');
    }
    setOpen(!open);
  }

  function apply(ev: React.FormEvent) {
    ev.preventDefault();
    const url = safeHref(withScheme(address.trim()));
    if (!url) {
      setError('Use a web address (https://…) or an email address.');
      return;
    }
    editor.view.focus(); // at once: Tiptap's focus() waits a frame, and keys typed meanwhile would be lost
    const chain = editor.chain().extendMarkRange('link');
    // The text is the address as typed (an email address without its mailto:), the link the checked one.
    if (editor.state.selection.empty && current === null) chain.insertContent({ type: 'text', text: address.trim(), marks: [{ type: 'link', attrs: { href: url } }] });
    else chain.setLink({ href: url });
    // The caret goes to the link's end, and typing on does not lengthen it (the mark is inclusive while autolink is on).
    chain
      .command(({ tr }) => (tr.setSelection(TextSelection.create(tr.doc, tr.selection.to)), true))
      .unsetMark('link')
      .run();
    setOpen(false);
  }

  function remove() {
    editor.view.focus();
    editor.chain().extendMarkRange('link').unsetLink().run();
    setOpen(false);
  }

  return (
    <div className="tool-menu" ref={root}>
      <button type="button" className={current !== null ? 'tool on' : 'tool'} title="Link" aria-label="Link" aria-haspopup="dialog" aria-expanded={open} onMouseDown={(ev) => ev.preventDefault()} onClick={toggle}>
        Link
      </button>
      {open && (
        <form className="tool-popover link-editor" role="dialog" aria-label="Link" noValidate onSubmit={apply}>
          <input type="url" aria-label="Link address" placeholder="https://…" value={address} autoFocus onChange={(e) => (setAddress(e.target.value), setError(''))} />
          <button type="submit" className="small">
            Apply
          </button>
          {current !== null && (
            <button type="button" className="small secondary" onClick={remove}>
              Remove
            </button>
          )}
          {error && (
            <p className="error small" role="alert">
              {error}
            </p>
          )}
        </form>
      )}
    </div>
  );
}

/** What people type without a scheme: `example.org/page` is a web address, `ada@example.org` an email address. */
function withScheme(address: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(address)) return address;
  if (/^[^\s@/]+@[^\s@/]+\.[^\s@/]+$/.test(address)) return `mailto:${address}`;
  if (/^[^\s/]+\.[^\s/]+/.test(address)) return `https://${address}`;
  return address;
}

import { useEffect, useState } from 'react';
import { asSymmetricKey, fromBase64Url } from '@coffre/crypto';
import { safeDownloadName } from '@coffre/docs';
import { Brand } from '../../components/Brand.tsx';
import { errorMessage } from '../../components/errorMessage.ts';
import { PasswordField } from '../../components/PasswordField.tsx';
import { fileChunks } from '../../keys/downloadFile.client.ts';
import type { FileLinkPayload } from '../../keys/linkPayload.ts';
import { readLink, type LinkTicket, type OpenedLink } from '../../keys/openLink.client.ts';
import { saveDownload } from '../../keys/saveDownload.client.ts';
import { LinkedDocument } from './LinkedDocument.tsx';
import { LinkedFolder } from './LinkedFolder.tsx';
import { formatBytes } from '../drive/formatBytes.ts';
import { TransferPanel } from '../drive/TransferPanel.tsx';
import { TransferProvider } from '../drive/TransferProvider.tsx';

type State =
  | { step: 'reading' }
  | { step: 'password'; ticket: LinkTicket; error: string | null; busy: boolean }
  | { step: 'open'; link: OpenedLink }
  | { step: 'error'; message: string };

/**
 * A share link, opened by anyone: the secret is read from the `#` part (never
 * sent to the server) and removed from the address bar at once.
 */
export function LinkPage({ collabUrl }: { collabUrl: string }) {
  const [state, setState] = useState<State>({ step: 'reading' });

  useEffect(() => {
    const fragment = window.location.hash.slice(1);
    // Out of the address bar, the history and any screenshot of it.
    window.history.replaceState(null, '', window.location.pathname);
    if (!fragment) return setState({ step: 'error', message: 'This link is incomplete: the part after “#” is missing. Ask for the link again, and copy all of it.' });
    let cancelled = false;
    void (async () => {
      try {
        const ticket = await readLink(fragment);
        if (cancelled) return;
        if (ticket.hasPassword) setState({ step: 'password', ticket, error: null, busy: false });
        else setState({ step: 'open', link: await ticket.open(null) });
      } catch (e) {
        if (!cancelled) setState({ step: 'error', message: errorMessage(e) });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, []);

  return (
    <main className={state.step === 'open' && state.link.payload.kind !== 'file' ? 'link-doc-page' : 'auth-page'}>
      <div className={state.step === 'open' && state.link.payload.kind !== 'file' ? 'link-doc' : 'card wide link-card'}>
        <Brand small />
        {state.step === 'reading' && <p className="muted">Opening the link…</p>}
        {state.step === 'error' && (
          <p className="error" role="alert">
            {state.message}
          </p>
        )}
        {state.step === 'password' && <PasswordStep state={state} setState={setState} />}
        {state.step === 'open' &&
          (state.link.payload.kind === 'file' ? (
            <FileCard link={state.link} payload={state.link.payload} />
          ) : state.link.payload.kind === 'folder' ? (
            <TransferProvider>
              <LinkedFolder link={state.link} payload={state.link.payload} collabUrl={collabUrl} />
              <TransferPanel warnBeforeLeaving />
            </TransferProvider>
          ) : (
            <LinkedDocument link={state.link} payload={state.link.payload} collabUrl={collabUrl} />
          ))}
        <p className="muted small">Shared with Coffre: everything is decrypted in this browser. The server only ever had ciphertext.</p>
      </div>
    </main>
  );
}

function PasswordStep({ state, setState }: { state: Extract<State, { step: 'password' }>; setState(s: State): void }) {
  const [password, setPassword] = useState('');
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        setState({ ...state, busy: true, error: null });
        state.ticket.open(password).then(
          (link) => setState({ step: 'open', link }),
          (err) => setState({ ...state, busy: false, error: errorMessage(err) }),
        );
      }}
    >
      <h1>This link has a password</h1>
      <PasswordField name="link-password" label="Link password" value={password} onChange={setPassword} autoComplete="current-password" />
      {state.error && <p className="error" role="alert">{state.error}</p>}
      <button type="submit" disabled={state.busy || !password}>{state.busy ? 'Checking…' : 'Open'}</button>
    </form>
  );
}

function FileCard({ link, payload: p }: { link: OpenedLink; payload: FileLinkPayload }) {
  const [done, setDone] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function download() {
    setError(null);
    setDone(0);
    try {
      const source = { fileId: p.fileId, version: p.version, chunkCount: p.chunkCount, key: asSymmetricKey(fromBase64Url(p.key)), mime: p.mime, ...(p.digest && { digest: p.digest }), via: { linkId: link.linkId, proof: link.proof } };
      await saveDownload(safeDownloadName(p.name), fileChunks(source, { onProgress: setDone }), { size: p.size, mime: p.mime });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setDone(null);
    }
  }
  return (
    <section aria-label="Shared file">
      <h1 className="link-file-name">{p.name}</h1>
      <p className="muted">{formatBytes(p.size)}</p>
      {done !== null && <progress max={p.chunkCount} value={done} aria-label="Download progress" />}
      {error && <p className="error" role="alert">{error}</p>}
      <button type="button" onClick={() => void download()} disabled={done !== null}>{done !== null ? 'Downloading…' : 'Download'}</button>
    </section>
  );
}

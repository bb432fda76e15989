import { useState } from 'react';

/** Shows a freshly made recovery key once, with copy and download, and asks the user to confirm they kept it. */
export function RecoveryKeyPanel({ recoveryKey, username, onDone }: { recoveryKey: string; username: string; onDone(): void }) {
  const [saved, setSaved] = useState(false);
  const [copied, setCopied] = useState(false);

  async function handleCopy() {
    try {
      await navigator.clipboard.writeText(recoveryKey);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }

  function handleDownload() {
    const text = `Coffre recovery key for ${username}\n\n${recoveryKey}\n\nKeep this somewhere safe and offline. Anyone with it and your username can reset your password.\n`;
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'coffre-recovery-key.txt';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  return (
    <section className="recovery" aria-labelledby="recovery-title">
      <h1 id="recovery-title">Save your recovery key</h1>
      <p className="muted">
        This key is the only way back into your account if you forget your password. Coffre cannot reset it for you, and it will not be shown again.
      </p>
      <code className="recovery-key" data-testid="recovery-key">{recoveryKey}</code>
      <div className="row">
        <button type="button" className="secondary" onClick={handleCopy}>{copied ? 'Copied' : 'Copy'}</button>
        <button type="button" className="secondary" onClick={handleDownload}>Download</button>
      </div>
      <label className="check">
        <input type="checkbox" checked={saved} onChange={(e) => setSaved(e.target.checked)} /> I have saved my recovery key
      </label>
      <button type="button" disabled={!saved} onClick={onDone}>Continue to Coffre</button>
    </section>
  );
}

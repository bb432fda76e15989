import { useEffect, useState } from 'react';
import { formatBytes } from './formatBytes.ts';
import { useTransfers, useUploadSnapshot, type Transfer } from './TransferProvider.tsx';

/**
 * Bottom-right list of uploads and downloads with progress, speed and
 * controls. `warnBeforeLeaving`: the browser asks before the page closes
 * while an upload is unfinished (where nothing on the device can resume it).
 */
export function TransferPanel({ warnBeforeLeaving = false }: { warnBeforeLeaving?: boolean }) {
  const { list, clearFinished } = useTransfers();
  const [collapsed, setCollapsed] = useState(false);
  const [, setTick] = useState(0);
  // The total moves with every upload's progress, not only when the list changes.
  useEffect(() => {
    const offs = list.flatMap((t) => (t.upload ? [t.upload.onChange(() => setTick((n) => n + 1))] : []));
    return () => offs.forEach((off) => off());
  }, [list]);
  useEffect(() => {
    if (!warnBeforeLeaving) return;
    const unfinished = () => list.some((t) => t.upload && !['done', 'cancelled'].includes(t.upload.state));
    const onLeave = (ev: BeforeUnloadEvent) => {
      if (unfinished()) ev.preventDefault();
    };
    window.addEventListener('beforeunload', onLeave);
    return () => window.removeEventListener('beforeunload', onLeave);
  }, [list, warnBeforeLeaving]);
  if (list.length === 0) return null;
  return (
    <section className="transfer-panel" aria-label="Transfers">
      <header>
        <strong>Transfers</strong>
        <TotalProgress list={list} />
        <button type="button" className="link" onClick={clearFinished}>Clear finished</button>
        <button type="button" className="link" aria-expanded={!collapsed} onClick={() => setCollapsed((c) => !c)}>{collapsed ? 'Show' : 'Hide'}</button>
      </header>
      {!collapsed && (
        <ul>
          {list.map((t) => (
            <TransferRow key={t.id} t={t} />
          ))}
        </ul>
      )}
    </section>
  );
}

function TotalProgress({ list }: { list: Transfer[] }) {
  let done = 0;
  let total = 0;
  for (const t of list) {
    if (t.upload) {
      done += t.upload.sentBytes;
      total += t.upload.totalBytes;
    } else {
      done += t.done ?? 0;
      total += t.total ?? 0;
    }
  }
  return <span className="muted">{total > 0 ? `${Math.floor((done / total) * 100)}% of ${formatBytes(total)}` : ''}</span>;
}

function TransferRow({ t }: { t: Transfer }) {
  useUploadSnapshot(t.upload);
  const u = t.upload;
  const done = u ? u.sentBytes : (t.done ?? 0);
  const total = u ? u.totalBytes : (t.total ?? 0);
  const state = u ? u.state : (t.state ?? 'running');
  const error = u ? u.error : t.error;
  const pct = total > 0 ? Math.floor((done / total) * 100) : state === 'done' ? 100 : 0;
  const label = { queued: 'Waiting', running: t.direction === 'up' ? 'Uploading' : 'Downloading', paused: 'Paused', failed: 'Failed', done: 'Done', cancelled: 'Cancelled' }[state];
  return (
    <li className={`transfer ${state}`} data-state={state}>
      <div className="transfer-name" title={t.name}>
        {t.direction === 'up' ? '↑' : '↓'} {t.name}
      </div>
      <progress max={100} value={pct} aria-label={`${t.name} progress`} />
      <div className="transfer-meta">
        <span>{label}{state === 'running' ? ` · ${pct}%` : ''}</span>
        {u && state === 'running' && u.speed > 0 && <span className="muted"> · {formatBytes(u.speed)}/s</span>}
        <span className="muted"> · {formatBytes(done)} of {formatBytes(total)}</span>
        {error && <span className="error" role="alert"> · {error}</span>}
      </div>
      {!u && state === 'running' && t.cancel && (
        <div className="transfer-actions">
          <button type="button" className="link" onClick={t.cancel}>Cancel</button>
        </div>
      )}
      {u && (
        <div className="transfer-actions">
          {state === 'running' && <button type="button" className="link" onClick={() => u.pause()}>Pause</button>}
          {state === 'paused' && <button type="button" className="link" onClick={() => u.resume()}>Resume</button>}
          {state === 'failed' && <button type="button" className="link" onClick={() => u.resume()}>Retry</button>}
          {(state === 'running' || state === 'paused' || state === 'failed' || state === 'queued') && (
            <button type="button" className="link" onClick={() => void u.cancel()}>Cancel</button>
          )}
        </div>
      )}
    </li>
  );
}

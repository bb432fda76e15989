import { createContext, useCallback, useContext, useMemo, useState, useSyncExternalStore } from 'react';
import type { FileUpload } from '../../keys/FileUpload.client.ts';

export type Transfer = {
  id: string;
  name: string;
  direction: 'up' | 'down';
  /** Uploads: the live upload. Downloads: progress fields below. */
  upload?: FileUpload;
  done?: number;
  total?: number;
  state?: 'running' | 'done' | 'failed' | 'cancelled';
  error?: string | null;
  /** Downloads: stops a running one (the browser discards the partial file). */
  cancel?: () => void;
};

type Transfers = {
  list: Transfer[];
  add(t: Transfer): void;
  update(id: string, patch: Partial<Transfer>): void;
  clearFinished(): void;
};

const TransferContext = createContext<Transfers | null>(null);

export function useTransfers(): Transfers {
  const ctx = useContext(TransferContext);
  if (!ctx) throw new Error('useTransfers outside TransferProvider');
  return ctx;
}

/** Transfers outlive the folder view that started them: they keep going while you browse. */
export function TransferProvider({ children }: { children: React.ReactNode }) {
  const [list, setList] = useState<Transfer[]>([]);
  const add = useCallback((t: Transfer) => setList((l) => [...l, t]), []);
  const update = useCallback((id: string, patch: Partial<Transfer>) => setList((l) => l.map((t) => (t.id === id ? { ...t, ...patch } : t))), []);
  const clearFinished = useCallback(
    () => setList((l) => l.filter((t) => (t.upload ? !['done', 'cancelled'].includes(t.upload.state) : t.state === 'running'))),
    [],
  );
  const value = useMemo(() => ({ list, add, update, clearFinished }), [list, add, update, clearFinished]);
  return <TransferContext.Provider value={value}>{children}</TransferContext.Provider>;
}

/** Re-renders on every progress event of one upload. */
export function useUploadSnapshot(upload: FileUpload | undefined): string {
  return useSyncExternalStore(
    (cb) => (upload ? upload.onChange(cb) : () => undefined),
    () => (upload ? `${upload.state}:${upload.sentBytes}:${upload.error ?? ''}` : ''),
    () => '',
  );
}

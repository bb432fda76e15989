import { useEffect, useState } from 'react';
import { apiFetch } from '../../api/apiFetch.ts';
import { formatBytes } from './formatBytes.ts';

/** Storage used against the quota; `refresh` changes after uploads and deletions. */
export function QuotaBar({ refresh }: { refresh: number }) {
  const [usage, setUsage] = useState<{ used: number; limit: number } | null>(null);
  useEffect(() => {
    let cancelled = false;
    apiFetch<{ used: number; limit: number }>('/usage').then((u) => !cancelled && setUsage(u), () => undefined);
    return () => {
      cancelled = true;
    };
  }, [refresh]);
  if (!usage) return null;
  const pct = Math.min(100, (usage.used / usage.limit) * 100);
  return (
    <div className="quota" aria-label="Storage used">
      <progress max={100} value={pct} className={pct > 90 ? 'warn' : undefined} />
      <span className="muted">{formatBytes(usage.used)} of {formatBytes(usage.limit)} used</span>
    </div>
  );
}

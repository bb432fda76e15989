import { useEffect, useState } from 'react';
import { NavLink, Outlet, redirect, useNavigate } from 'react-router';
import type { Route } from './+types/shell';
import { Brand } from '../components/Brand.tsx';
import { ClientOnly } from '../components/ClientOnly.tsx';
import { errorMessage } from '../components/errorMessage.ts';
import { AccountMenu } from '../features/account/AccountMenu.tsx';
import { HomeFolderProvider } from '../features/docs/HomeFolderProvider.tsx';
import { ResumeUploads } from '../features/drive/ResumeUploads.tsx';
import { TransferPanel } from '../features/drive/TransferPanel.tsx';
import { TransferProvider } from '../features/drive/TransferProvider.tsx';
import { collabUrl } from '../features/docs/collabUrl.ts';
import { restoreSession } from '../keys/restoreSession.client.ts';
import { useUnlockedAccount } from '../keys/useUnlockedAccount.ts';

export async function loader({ context }: Route.LoaderArgs) {
  if (!(await context.hasSession())) throw redirect('/login');
  return { collabPublicUrl: context.collabPublicUrl, collabPort: context.collabPort };
}

const SECTIONS = [
  { to: '/drive', label: 'Drive' },
  { to: '/docs', label: 'Docs' },
  { to: '/sheets', label: 'Sheets' },
  { to: '/calendar', label: 'Calendar' },
  { to: '/chat', label: 'Chat' },
];

/** The signed-in frame: top bar, navigation, and the unlock step after a reload. */
export default function Shell({ loaderData }: Route.ComponentProps) {
  const account = useUnlockedAccount();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (account) return;
    let cancelled = false;
    restoreSession().then(
      (restored) => {
        if (!cancelled && !restored) navigate('/login', { replace: true });
      },
      (e) => !cancelled && setError(errorMessage(e)),
    );
    return () => {
      cancelled = true;
    };
  }, [account, navigate]);

  return (
    <div className="shell">
      <header className="topbar">
        <Brand small />
        <nav className="sections" aria-label="Sections">
          {SECTIONS.map((s) => (
            <NavLink key={s.to} to={s.to} className={({ isActive }) => (isActive ? 'active' : undefined)}>
              {s.label}
            </NavLink>
          ))}
        </nav>
        {account && <AccountMenu username={account.username} />}
      </header>
      <main className="content">
        {error ? (
          <div className="card" role="alert">
            <h1>Your keys could not be unlocked</h1>
            <p>{error}</p>
            <a className="button" href="/login">Sign in again</a>
          </div>
        ) : account ? (
          <HomeFolderProvider account={account} collabUrl={collabUrl(loaderData)}>
            <TransferProvider>
              <Outlet />
              <TransferPanel />
              <ClientOnly>{() => <ResumeUploads />}</ClientOnly>
            </TransferProvider>
          </HomeFolderProvider>
        ) : (
          <p className="muted" aria-live="polite">Unlocking your keys…</p>
        )}
      </main>
    </div>
  );
}

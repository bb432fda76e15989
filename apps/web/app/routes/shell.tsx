import { useEffect, useState } from 'react';
import { NavLink, Outlet, redirect, useNavigate } from 'react-router';
import type { Route } from './+types/shell';
import { Brand } from '../components/Brand.tsx';
import { ClientOnly } from '../components/ClientOnly.tsx';
import { errorMessage } from '../components/errorMessage.ts';
import { AccountMenu } from '../features/account/AccountMenu.tsx';
import { ChatInboxProvider, useUnreadTotal } from '../features/chat/ChatInbox.tsx';
import { ChatNotices } from '../features/chat/ChatNotices.tsx';
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

/** Unread messages beside the navigation's Chat link. */
function ChatNavBadge() {
  const total = useUnreadTotal();
  if (total === 0) return null;
  return <span className="nav-badge" data-testid="nav-unread" aria-label={`${total} unread`}>{total > 99 ? '99+' : total}</span>;
}

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

  const frame = (
    <div className="shell">
      <header className="topbar">
        <Brand small />
        <nav className="sections" aria-label="Sections">
          {SECTIONS.map((s) => (
            <NavLink key={s.to} to={s.to} className={({ isActive }) => (isActive ? 'active' : undefined)}>
              {s.label}
              {s.to === '/chat' && account && <ChatNavBadge />}
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
          <TransferProvider>
            <Outlet />
            <TransferPanel />
            <ClientOnly>{() => <ResumeUploads />}</ClientOnly>
            <ChatNotices />
          </TransferProvider>
        ) : (
          <p className="muted" aria-live="polite">Unlocking your keys…</p>
        )}
      </main>
    </div>
  );
  // Signed in, the whole frame sits inside the folder and chat providers, so the navigation can count unread messages.
  if (!account || error) return frame;
  return (
    <HomeFolderProvider account={account} collabUrl={collabUrl(loaderData)}>
      <ChatInboxProvider account={account}>{frame}</ChatInboxProvider>
    </HomeFolderProvider>
  );
}

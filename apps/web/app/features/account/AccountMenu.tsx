import { useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useDismiss } from '../../components/useDismiss.ts';
import { logOut } from '../../keys/logOut.client.ts';

/** The account button in the top bar: settings and log out. */
export function AccountMenu({ username }: { username: string }) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const navigate = useNavigate();

  useDismiss(open, ref, () => setOpen(false));

  async function handleLogOut() {
    await logOut().catch(() => undefined);
    navigate('/login', { replace: true });
  }

  return (
    <div className="account-menu" ref={ref}>
      <button type="button" className="avatar-button" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        <span className="avatar" aria-hidden="true">{username.slice(0, 1).toUpperCase()}</span>
        <span>{username}</span>
      </button>
      {open && (
        <div role="menu" className="menu">
          <Link role="menuitem" to="/settings" onClick={() => setOpen(false)}>Settings</Link>
          <button role="menuitem" type="button" onClick={handleLogOut}>Log out</button>
        </div>
      )}
    </div>
  );
}

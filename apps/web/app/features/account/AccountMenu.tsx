import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { logOut } from '../../keys/logOut.client.ts';

/** The account button in the top bar: settings and log out. */
export function AccountMenu({ username }: { username: string }) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const navigate = useNavigate();

  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent | KeyboardEvent) => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !ref.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);

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

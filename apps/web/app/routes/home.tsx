import { Link, redirect } from 'react-router';
import type { Route } from './+types/home';
import { Brand } from '../components/Brand.tsx';

export function meta() {
  return [{ title: 'Coffre — end-to-end encrypted drive, docs, sheets, calendar and chat' }];
}

export async function loader({ context }: Route.LoaderArgs) {
  if (await context.hasSession()) throw redirect('/drive');
  return null;
}

export default function Home() {
  return (
    <main className="landing">
      <header className="landing-top">
        <Brand />
        <nav>
          <Link to="/login">Sign in</Link>
          <Link className="button" to="/signup">Create account</Link>
        </nav>
      </header>
      <section className="hero">
        <h1>Your files and your team's work, readable by you alone.</h1>
        <p>
          Coffre is a drive, a word processor, a spreadsheet, a calendar and team chat, edited together in real time.
          Everything is encrypted in your browser before it leaves; the server stores and relays only ciphertext.
        </p>
        <div className="hero-actions">
          <Link className="button" to="/signup">Create a free account</Link>
          <Link to="/login">I already have one</Link>
        </div>
      </section>
      <section className="facts">
        <div>
          <h3>Your password never leaves</h3>
          <p>Sign-in uses OPAQUE: the server can check your password without ever receiving it.</p>
        </div>
        <div>
          <h3>Keys only you hold</h3>
          <p>A random master key, wrapped by your password and by a recovery key only you keep.</p>
        </div>
        <div>
          <h3>Nothing fails open</h3>
          <p>Every byte is authenticated. Tampered data is refused with a clear error, never silently used.</p>
        </div>
      </section>
    </main>
  );
}

import { lazy, Suspense } from 'react';
import { useParams } from 'react-router';
import { ClientOnly } from '../components/ClientOnly.tsx';

const ChatPage = lazy(() => import('../features/chat/ChatPage.tsx'));

export function meta() {
  return [{ title: 'Chat — Coffre' }];
}

/** Chat runs only in the browser: messages are signed, sealed and opened there. */
export default function ChatRoute() {
  const { roomId } = useParams();
  return (
    <ClientOnly fallback={<p className="muted">Opening…</p>}>
      {() => (
        <Suspense fallback={<p className="muted">Loading chat…</p>}>
          <ChatPage roomId={roomId} />
        </Suspense>
      )}
    </ClientOnly>
  );
}

import { NotBuiltYet } from '../features/shell/NotBuiltYet.tsx';

export function meta() {
  return [{ title: 'Chat — Coffre' }];
}

export default function ChatPage() {
  return <NotBuiltYet title="Chat" text="Encrypted team chat beside your files comes after the drive." />;
}

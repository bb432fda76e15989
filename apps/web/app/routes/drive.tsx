import { NotBuiltYet } from '../features/shell/NotBuiltYet.tsx';

export function meta() {
  return [{ title: 'Drive — Coffre' }];
}

export default function DrivePage() {
  return <NotBuiltYet title="Drive" text="Your encrypted files and folders will live here: uploads, sharing with people and links, versions and trash." />;
}

import { NotBuiltYet } from '../features/shell/NotBuiltYet.tsx';

export function meta() {
  return [{ title: 'Docs — Coffre' }];
}

export default function DocsPage() {
  return <NotBuiltYet title="Docs" text="The collaborative encrypted word processor is next on the build list." />;
}

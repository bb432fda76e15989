import { DocumentList } from '../features/docs/DocumentList.tsx';

export function meta() {
  return [{ title: 'Docs — Coffre' }];
}

export default function DocsPage() {
  return <DocumentList />;
}

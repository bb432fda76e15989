import { DocumentList } from '../features/docs/DocumentList.tsx';

export function meta() {
  return [{ title: 'Sheets — Coffre' }];
}

export default function SheetsPage() {
  return <DocumentList kind="sheet" />;
}

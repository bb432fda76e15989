import { NotBuiltYet } from '../features/shell/NotBuiltYet.tsx';

export function meta() {
  return [{ title: 'Sheets — Coffre' }];
}

export default function SheetsPage() {
  return <NotBuiltYet title="Sheets" text="The encrypted spreadsheet comes after the drive." />;
}

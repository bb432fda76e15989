import { lazy, Suspense } from 'react';
import { useParams } from 'react-router';
import { ClientOnly } from '../components/ClientOnly.tsx';

const SheetPage = lazy(() => import('../features/sheets/SheetPage.tsx'));

export function meta() {
  return [{ title: 'Spreadsheet — Coffre' }];
}

/** The spreadsheet only ever runs in the browser: keys, cells and formulas never exist on the server. */
export default function SheetRoute() {
  const { sheetId } = useParams();
  return (
    <ClientOnly fallback={<p className="muted">Opening…</p>}>
      {() => (
        <Suspense fallback={<p className="muted">Loading the spreadsheet…</p>}>
          <SheetPage sheetId={sheetId ?? ''} />
        </Suspense>
      )}
    </ClientOnly>
  );
}

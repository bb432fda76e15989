import { lazy, Suspense } from 'react';
import { useParams } from 'react-router';
import { ClientOnly } from '../components/ClientOnly.tsx';

const CalendarPage = lazy(() => import('../features/calendar/CalendarPage.tsx'));

export function meta() {
  return [{ title: 'Calendar — Coffre' }];
}

/** The calendar only ever runs in the browser: keys, titles and times never exist on the server in the clear. */
export default function CalendarRoute() {
  const { calendarId } = useParams();
  return (
    <ClientOnly fallback={<p className="muted">Opening…</p>}>
      {() => (
        <Suspense fallback={<p className="muted">Loading the calendar…</p>}>
          <CalendarPage calendarId={calendarId} />
        </Suspense>
      )}
    </ClientOnly>
  );
}

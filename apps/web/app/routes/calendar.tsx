import { NotBuiltYet } from '../features/shell/NotBuiltYet.tsx';

export function meta() {
  return [{ title: 'Calendar — Coffre' }];
}

export default function CalendarPage() {
  return <NotBuiltYet title="Calendar" text="The shared encrypted calendar comes after the drive." />;
}

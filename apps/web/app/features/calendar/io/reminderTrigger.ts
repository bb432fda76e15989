/** Minutes before the start as a VALARM TRIGGER duration: 15 → `-PT15M`, 1440 → `-P1D`, 1530 → `-P1DT1H30M`. */
export function reminderTrigger(minutesBefore: number): string {
  const total = Math.abs(Math.round(minutesBefore));
  if (total === 0) return 'PT0S';
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const minutes = total % 60;
  const time = hours || minutes ? `T${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}` : '';
  return `${minutesBefore < 0 ? '' : '-'}P${days ? `${days}D` : ''}${time}`;
}

import type { DriveViewMode } from './useDriveViewMode.ts';

/** List or grid: two pressed-state buttons, so screen readers say which one is on. */
export function ViewModeToggle({ mode, onChange }: { mode: DriveViewMode; onChange(mode: DriveViewMode): void }) {
  return (
    <span className="view-toggle" role="group" aria-label="View">
      <button type="button" className="ghost" aria-pressed={mode === 'list'} onClick={() => onChange('list')}>List</button>
      <button type="button" className="ghost" aria-pressed={mode === 'grid'} onClick={() => onChange('grid')}>Grid</button>
    </span>
  );
}

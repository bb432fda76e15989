import { useCallback, useState } from 'react';

export type DriveViewMode = 'list' | 'grid';

const STORAGE_KEY = 'coffre.drive.view';

/** List or grid, remembered in this browser (it is a preference, not a secret, and names nothing). */
export function useDriveViewMode(): [DriveViewMode, (mode: DriveViewMode) => void] {
  const [mode, setMode] = useState<DriveViewMode>(() => (read() === 'grid' ? 'grid' : 'list'));
  const choose = useCallback((next: DriveViewMode) => {
    setMode(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Storage off or full: the choice lasts for this page only.
    }
  }, []);
  return [mode, choose];
}

function read(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

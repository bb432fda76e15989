/** Server-side settings, stored as opaque bytes. */
export interface SettingsStore {
  get(key: string): Promise<Uint8Array | null>;
  /** Replaces any value under the key. */
  put(key: string, value: Uint8Array): Promise<void>;
}

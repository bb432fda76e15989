/** Short-lived server state (pending OPAQUE logins, recovery challenges): read once, then gone. */
export interface EphemeralStore {
  /** Replaces any value under the same namespace and key. */
  put(namespace: string, key: string, value: Uint8Array, expiresAt: number): Promise<void>;
  /** Removes and returns the value; null when absent or expired (`now >= expiresAt`). */
  take(namespace: string, key: string, now: number): Promise<Uint8Array | null>;
  /** Removes expired values; resolves to how many. */
  purge(now: number): Promise<number>;
}

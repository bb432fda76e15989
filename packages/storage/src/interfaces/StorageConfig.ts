export type StorageConfig =
  | {
      driver: 'sqlite';
      /** Created (mode 0700) if missing; holds `coffre.sqlite` and `blobs/`. */
      dataDir: string;
    }
  | {
      /** SQLite `:memory:` plus blobs in a temp dir removed on close. For tests. */
      driver: 'memory';
    };

import { AsyncLocalStorage } from 'node:async_hooks';
import type { Database, Statement } from 'better-sqlite3';
import { StorageError } from '../StorageError.ts';
import { Mutex } from './Mutex.ts';
import type { SqlRunner } from './SqlRunner.ts';

interface RootScope {
  open: boolean;
  /** Depth of the innermost open savepoint; 0 when none. */
  activeDepth: number;
}

interface Scope {
  connection: SqliteConnection;
  root: RootScope;
  depth: number;
}

/** Which transaction (if any) the current async call chain runs inside. */
const currentScope = new AsyncLocalStorage<Scope>();

/** The WAL is folded into the database file once the connection has been idle this long… */
const CHECKPOINT_IDLE_MS = 50;
/** …looked at this often… */
const CHECKPOINT_TICK_MS = 250;
/** …but at most once in this long: each checkpoint writes and fsyncs the database file, so someone typing pays for one a second, not four. */
const CHECKPOINT_MIN_GAP_MS = 1000;
/** …and a commit checkpoints by itself only past this many WAL pages (16 MiB of 4 KiB pages), when no idle moment came. */
export const WAL_AUTOCHECKPOINT_PAGES = 4096;

/**
 * One better-sqlite3 connection shared by every store of a `Storage`. better-sqlite3 is
 * synchronous, but a transaction spans awaits, so a mutex keeps other callers' statements out
 * of an open transaction: they wait for it to finish rather than silently joining it.
 */
export class SqliteConnection implements SqlRunner {
  readonly #db: Database;
  readonly #statements = new Map<string, Statement>();
  readonly #mutex = new Mutex();
  #closed = false;
  #lastUse = 0;
  #lastCheckpoint = 0;
  #used = false;
  readonly #checkpointTimer: ReturnType<typeof setInterval> | null = null;

  /**
   * In WAL mode, SQLite checkpoints inside whichever commit pushes the WAL past its limit (1,000 pages by
   * default): that commit, say the guard's journal write of a keystroke, then waits for pages to be copied into
   * the database file and for its fsync. Checkpoints therefore run here, in the gaps between uses (PASSIVE:
   * never waiting for anyone), and a commit checkpoints only when no gap came for WAL_AUTOCHECKPOINT_PAGES.
   */
  constructor(db: Database) {
    this.#db = db;
    if (db.pragma('journal_mode', { simple: true }) === 'wal') {
      db.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
      this.#checkpointTimer = setInterval(() => this.#checkpointIfIdle(), CHECKPOINT_TICK_MS);
      this.#checkpointTimer.unref();
    }
  }

  /** A cached prepared statement. */
  prepare(sql: string): Statement {
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = this.#db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  /** Runs `fn` atomically: its own IMMEDIATE transaction, or a savepoint inside a running one. */
  atomic<T>(fn: () => T): T {
    return this.#db.transaction(fn).immediate();
  }

  /** Stand-alone statements: inside the caller's transaction if there is one, else after it. */
  async run<T>(fn: (conn: SqliteConnection) => T): Promise<T> {
    if (this.#ownScope()) return fn(this);
    this.#assertOpen();
    if (this.#mutex.isFree) return this.#use(fn);
    const release = await this.#mutex.acquire();
    try {
      this.#assertOpen();
      return this.#use(fn);
    } finally {
      release();
    }
  }

  #use<T>(fn: (conn: SqliteConnection) => T): T {
    try {
      return fn(this);
    } finally {
      this.#touch();
    }
  }

  #touch(): void {
    this.#used = true;
    this.#lastUse = performance.now();
  }

  #checkpointIfIdle(): void {
    const now = performance.now();
    if (!this.#used || this.#closed || !this.#mutex.isFree || now - this.#lastUse < CHECKPOINT_IDLE_MS || now - this.#lastCheckpoint < CHECKPOINT_MIN_GAP_MS) return;
    this.#used = false;
    this.#lastCheckpoint = now;
    try {
      this.#db.pragma('wal_checkpoint(PASSIVE)');
    } catch {
      this.#used = true; // busy (another process checkpoints): next time
    }
  }

  /**
   * BEGIN IMMEDIATE … COMMIT around `fn`, or a savepoint when called from inside a running
   * transaction of this connection. `fn` gets a runner bound to the transaction; it throws
   * CLOSED once the transaction has finished.
   */
  async transaction<T>(fn: (runner: SqlRunner) => Promise<T>): Promise<T> {
    const outer = this.#ownScope();
    if (outer) return this.#savepoint(outer, fn);
    const release = await this.#mutex.acquire();
    const root: RootScope = { open: true, activeDepth: 0 };
    try {
      this.#assertOpen();
      this.#db.exec('BEGIN IMMEDIATE');
      try {
        const result = await currentScope.run({ connection: this, root, depth: 0 }, () => fn(this.#boundRunner(root)));
        this.#db.exec('COMMIT');
        return result;
      } catch (error) {
        if (this.#db.inTransaction) this.#db.exec('ROLLBACK');
        throw error;
      }
    } finally {
      root.open = false;
      this.#touch();
      release();
    }
  }

  /** Waits for a running transaction, then closes. Idempotent. */
  async close(): Promise<void> {
    if (this.#ownScope()) throw new Error('close() called inside a transaction would deadlock');
    if (this.#closed) return;
    const release = await this.#mutex.acquire();
    try {
      if (!this.#closed) {
        this.#closed = true;
        if (this.#checkpointTimer) clearInterval(this.#checkpointTimer);
        this.#statements.clear();
        this.#db.close();
      }
    } finally {
      release();
    }
  }

  async #savepoint<T>(outer: Scope, fn: (runner: SqlRunner) => Promise<T>): Promise<T> {
    const { root } = outer;
    if (root.activeDepth !== outer.depth) {
      throw new Error('concurrent nested transactions inside one transaction are not supported');
    }
    const depth = outer.depth + 1;
    const name = `coffre_sp_${depth}`;
    root.activeDepth = depth;
    this.#db.exec(`SAVEPOINT ${name}`);
    try {
      const result = await currentScope.run({ connection: this, root, depth }, () => fn(this.#boundRunner(root)));
      this.#db.exec(`RELEASE ${name}`);
      return result;
    } catch (error) {
      if (root.open && this.#db.inTransaction) {
        this.#db.exec(`ROLLBACK TO ${name}`);
        this.#db.exec(`RELEASE ${name}`);
      }
      throw error;
    } finally {
      root.activeDepth = depth - 1;
    }
  }

  #boundRunner(root: RootScope): SqlRunner {
    return {
      run: async <T>(fn: (conn: SqliteConnection) => T): Promise<T> => {
        if (!root.open) throw new StorageError('CLOSED', 'transaction has already finished');
        return fn(this);
      },
    };
  }

  #ownScope(): Scope | undefined {
    const scope = currentScope.getStore();
    return scope && scope.connection === this && scope.root.open ? scope : undefined;
  }

  #assertOpen(): void {
    if (this.#closed) throw new StorageError('CLOSED', 'storage is closed');
  }
}

import type { AccountRecord, AccountStore, CredentialUpdate } from '../interfaces/AccountStore.ts';
import { StorageError } from '../StorageError.ts';
import { bindBytes } from './bindBytes.ts';
import { isSqliteConstraint } from './isSqliteConstraint.ts';
import { readBytes } from './readBytes.ts';
import type { SqlRunner } from './SqlRunner.ts';

interface AccountRow {
  user_id: string;
  username: string;
  opaque_record: Buffer;
  password_wrapped_master_key: Buffer;
  recovery_wrapped_master_key: Buffer;
  recovery_verify_key: Buffer;
  wrapped_identity: Buffer;
  public_bundle: Buffer;
  created_at: number;
  updated_at: number;
}

function toRecord(row: AccountRow): AccountRecord {
  return {
    userId: row.user_id,
    username: row.username,
    opaqueRecord: readBytes(row.opaque_record),
    passwordWrappedMasterKey: readBytes(row.password_wrapped_master_key),
    recoveryWrappedMasterKey: readBytes(row.recovery_wrapped_master_key),
    recoveryVerifyKey: readBytes(row.recovery_verify_key),
    wrappedIdentity: readBytes(row.wrapped_identity),
    publicBundle: readBytes(row.public_bundle),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export class SqliteAccountStore implements AccountStore {
  readonly #sql: SqlRunner;

  constructor(sql: SqlRunner) {
    this.#sql = sql;
  }

  async create(record: AccountRecord): Promise<void> {
    await this.#sql.run((conn) => {
      try {
        conn
          .prepare(
            `INSERT INTO accounts (user_id, username, opaque_record, password_wrapped_master_key,
               recovery_wrapped_master_key, recovery_verify_key, wrapped_identity, public_bundle,
               created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            record.userId,
            record.username,
            bindBytes(record.opaqueRecord),
            bindBytes(record.passwordWrappedMasterKey),
            bindBytes(record.recoveryWrappedMasterKey),
            bindBytes(record.recoveryVerifyKey),
            bindBytes(record.wrappedIdentity),
            bindBytes(record.publicBundle),
            record.createdAt,
            record.updatedAt,
          );
      } catch (error) {
        if (isSqliteConstraint(error, 'PRIMARYKEY', 'UNIQUE')) {
          throw new StorageError('DUPLICATE', 'account id or username already exists', { cause: error });
        }
        throw error;
      }
    });
  }

  async getById(userId: string): Promise<AccountRecord | null> {
    return this.#sql.run((conn) => {
      const row = conn.prepare('SELECT * FROM accounts WHERE user_id = ?').get(userId) as AccountRow | undefined;
      return row ? toRecord(row) : null;
    });
  }

  async getByUsername(username: string): Promise<AccountRecord | null> {
    return this.#sql.run((conn) => {
      const row = conn.prepare('SELECT * FROM accounts WHERE username = ?').get(username) as AccountRow | undefined;
      return row ? toRecord(row) : null;
    });
  }

  async updateCredentials(userId: string, update: CredentialUpdate): Promise<void> {
    await this.#sql.run((conn) => {
      const result = conn
        .prepare(
          `UPDATE accounts SET
             opaque_record = ?,
             password_wrapped_master_key = ?,
             recovery_wrapped_master_key = COALESCE(?, recovery_wrapped_master_key),
             recovery_verify_key = COALESCE(?, recovery_verify_key),
             updated_at = ?
           WHERE user_id = ?`,
        )
        .run(
          bindBytes(update.opaqueRecord),
          bindBytes(update.passwordWrappedMasterKey),
          update.recoveryWrappedMasterKey ? bindBytes(update.recoveryWrappedMasterKey) : null,
          update.recoveryVerifyKey ? bindBytes(update.recoveryVerifyKey) : null,
          update.updatedAt,
          userId,
        );
      if (result.changes === 0) throw new StorageError('NOT_FOUND', 'account not found');
    });
  }

  async delete(userId: string): Promise<boolean> {
    // Dependent rows go by ON DELETE CASCADE (see migrations.ts).
    return this.#sql.run((conn) => conn.prepare('DELETE FROM accounts WHERE user_id = ?').run(userId).changes > 0);
  }

  async count(): Promise<number> {
    return this.#sql.run((conn) => (conn.prepare('SELECT COUNT(*) AS n FROM accounts').get() as { n: number }).n);
  }
}

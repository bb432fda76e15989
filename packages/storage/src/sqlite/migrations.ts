export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * Schema history, applied in order at open. Append only: never edit a migration that has
 * shipped; add the next number instead.
 */
export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'initial',
    sql: `
      CREATE TABLE accounts (
        user_id TEXT PRIMARY KEY,
        username TEXT NOT NULL UNIQUE,
        opaque_record BLOB NOT NULL,
        password_wrapped_master_key BLOB NOT NULL,
        recovery_wrapped_master_key BLOB NOT NULL,
        recovery_verify_key BLOB NOT NULL,
        wrapped_identity BLOB NOT NULL,
        public_bundle BLOB NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE sessions (
        session_id TEXT PRIMARY KEY,
        token_hash BLOB NOT NULL UNIQUE,
        user_id TEXT NOT NULL REFERENCES accounts (user_id) ON DELETE CASCADE,
        created_at INTEGER NOT NULL,
        last_seen_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        label TEXT NOT NULL
      ) STRICT;
      CREATE INDEX sessions_by_user ON sessions (user_id);
      CREATE INDEX sessions_by_expiry ON sessions (expires_at);

      CREATE TABLE rate_limits (
        bucket TEXT PRIMARY KEY,
        window_start INTEGER NOT NULL,
        window_end INTEGER NOT NULL,
        count INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX rate_limits_by_end ON rate_limits (window_end);

      CREATE TABLE ephemeral (
        namespace TEXT NOT NULL,
        key TEXT NOT NULL,
        value BLOB NOT NULL,
        expires_at INTEGER NOT NULL,
        PRIMARY KEY (namespace, key)
      ) STRICT;
      CREATE INDEX ephemeral_by_expiry ON ephemeral (expires_at);

      -- owner_id is deliberately not a foreign key: deleting an account leaves its documents
      -- for the caller to reassign or delete.
      CREATE TABLE documents (
        doc_id TEXT PRIMARY KEY,
        owner_id TEXT NOT NULL,
        state BLOB,
        current_snapshot_id TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX documents_by_owner ON documents (owner_id);

      CREATE TABLE snapshots (
        doc_id TEXT NOT NULL REFERENCES documents (doc_id) ON DELETE CASCADE,
        snapshot_id TEXT NOT NULL,
        parent_snapshot_id TEXT,
        chain_index INTEGER NOT NULL,
        chain_hash BLOB NOT NULL,
        blob_key TEXT NOT NULL,
        size INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        author_user_id TEXT NOT NULL,
        PRIMARY KEY (doc_id, snapshot_id)
      ) STRICT;
      CREATE INDEX snapshots_by_chain ON snapshots (doc_id, chain_index);

      CREATE TABLE memberships (
        item_id TEXT NOT NULL,
        user_id TEXT NOT NULL REFERENCES accounts (user_id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('viewer', 'editor', 'admin')),
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (item_id, user_id)
      ) STRICT;
      CREATE INDEX memberships_by_user ON memberships (user_id);

      -- sender_user_id is not a foreign key: a grant outlives its sender's account.
      CREATE TABLE grants (
        grant_id TEXT PRIMARY KEY,
        item_id TEXT NOT NULL,
        recipient_user_id TEXT NOT NULL REFERENCES accounts (user_id) ON DELETE CASCADE,
        sender_user_id TEXT NOT NULL,
        payload BLOB NOT NULL,
        created_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX grants_by_item ON grants (item_id);
      CREATE INDEX grants_by_recipient ON grants (recipient_user_id);

      CREATE TABLE links (
        link_id TEXT PRIMARY KEY,
        item_id TEXT NOT NULL,
        creator_user_id TEXT NOT NULL REFERENCES accounts (user_id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('viewer', 'editor')),
        payload BLOB NOT NULL,
        expires_at INTEGER,
        created_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX links_by_item ON links (item_id);
      CREATE INDEX links_by_creator ON links (creator_user_id);

      CREATE TABLE quotas (
        user_id TEXT PRIMARY KEY REFERENCES accounts (user_id) ON DELETE CASCADE,
        used INTEGER NOT NULL DEFAULT 0 CHECK (used >= 0),
        limit_bytes INTEGER CHECK (limit_bytes >= 0)
      ) STRICT;

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value BLOB NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 2,
    name: 'document-journal',
    sql: `
      CREATE TABLE document_journal (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        doc_id TEXT NOT NULL REFERENCES documents (doc_id) ON DELETE CASCADE,
        bytes BLOB NOT NULL,
        at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX document_journal_by_doc ON document_journal (doc_id, id);
    `,
  },
  {
    version: 3,
    name: 'drive-files',
    sql: `
      -- parent_id is not a foreign key: a folder may be deleted before its children.
      ALTER TABLE documents ADD COLUMN parent_id TEXT;
      CREATE INDEX documents_by_parent ON documents (parent_id);

      -- Like documents, owner_id and parent_id are not foreign keys: the caller cleans up.
      CREATE TABLE files (
        file_id TEXT PRIMARY KEY,
        owner_id TEXT NOT NULL,
        parent_id TEXT NOT NULL,
        created_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE file_versions (
        file_id TEXT NOT NULL REFERENCES files (file_id) ON DELETE CASCADE,
        version INTEGER NOT NULL CHECK (version >= 1),
        state TEXT NOT NULL CHECK (state IN ('uploading', 'complete')),
        chunk_count INTEGER NOT NULL CHECK (chunk_count >= 0),
        size INTEGER NOT NULL CHECK (size >= 0),
        uploader_id TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        completed_at INTEGER,
        PRIMARY KEY (file_id, version)
      ) STRICT;
      CREATE INDEX file_versions_by_uploader ON file_versions (uploader_id, state);

      CREATE TABLE file_chunks (
        file_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        idx INTEGER NOT NULL CHECK (idx >= 0),
        size INTEGER NOT NULL CHECK (size >= 0),
        PRIMARY KEY (file_id, version, idx),
        FOREIGN KEY (file_id, version) REFERENCES file_versions (file_id, version) ON DELETE CASCADE
      ) STRICT;
    `,
  },
  {
    version: 4,
    name: 'sender-and-stale-upload-indexes',
    sql: `
      CREATE INDEX grants_by_sender ON grants (sender_user_id);
      CREATE INDEX file_versions_by_state ON file_versions (state, created_at);
    `,
  },
  {
    version: 5,
    name: 'files-by-parent',
    sql: `
      CREATE INDEX files_by_parent ON files (parent_id);
    `,
  },
];

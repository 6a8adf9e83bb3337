import type { Queryable, Storage } from './types'

/** One schema change; `version` only ever grows and an applied version is never edited. */
export interface Migration {
  version: number
  name: string
  sql: string
}

/** Any constant works; it only has to be the same in every process that migrates this database. */
const MIGRATION_LOCK_KEY = 727_274_001

/** Every schema change, oldest first. Tables are keyed by program id so several programs can share a database. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'initial schema',
    sql: `
      CREATE TABLE subjects (
        program_id   text        NOT NULL,
        user_id      text        NOT NULL,
        account_id   text,
        signed_up_at timestamptz NOT NULL,
        payload      jsonb       NOT NULL,
        updated_at   timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (program_id, user_id)
      );
      CREATE INDEX subjects_by_account ON subjects (program_id, account_id) WHERE account_id IS NOT NULL;

      CREATE TABLE events (
        program_id  text        NOT NULL,
        id          text        NOT NULL,
        name        text        NOT NULL,
        user_id     text        NOT NULL,
        account_id  text,
        ts          timestamptz NOT NULL,
        payload     jsonb       NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (program_id, id)
      );
      CREATE INDEX events_by_user ON events (program_id, user_id, ts);
      CREATE INDEX events_by_account ON events (program_id, account_id, ts) WHERE account_id IS NOT NULL;

      CREATE TABLE progress (
        program_id text        NOT NULL,
        user_id    text        NOT NULL,
        snapshot   jsonb       NOT NULL,
        version    integer     NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (program_id, user_id)
      );

      CREATE TABLE celebrations (
        program_id text        NOT NULL,
        user_id    text        NOT NULL,
        id         text        NOT NULL,
        payload    jsonb       NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        seen_at    timestamptz,
        UNIQUE (program_id, user_id, id)
      );
      CREATE INDEX celebrations_pending ON celebrations (program_id, user_id) WHERE seen_at IS NULL;
    `,
  },
  {
    version: 2,
    name: 'experiment assignments',
    // One row per (assignment set, unit): the experiment id or `variants:<milestoneId>`, and the account (or user).
    // Once written a row is only read, so a changed holdoutPercent or variant weight never moves anyone assigned.
    sql: `
      CREATE TABLE assignments (
        program_id  text        NOT NULL,
        set_id      text        NOT NULL,
        unit        text        NOT NULL,
        arm         text        NOT NULL,
        assigned_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (program_id, set_id, unit)
      )
    `,
  },
  {
    version: 3,
    name: 'webhooks and their outbox',
    sql: `
      CREATE TABLE webhooks (
        program_id text        NOT NULL,
        id         text        NOT NULL,
        url        text        NOT NULL,
        events     jsonb       NOT NULL,
        secret     text        NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (program_id, id)
      );
      CREATE TABLE webhook_deliveries (
        program_id      text        NOT NULL,
        webhook_id      text        NOT NULL,
        event_id        text        NOT NULL,
        type            text        NOT NULL,
        payload         jsonb       NOT NULL,
        status          text        NOT NULL,
        attempts        integer     NOT NULL DEFAULT 0,
        last_error      text,
        created_at      timestamptz NOT NULL,
        next_attempt_at timestamptz NOT NULL,
        lease_until     timestamptz,
        delivered_at    timestamptz,
        PRIMARY KEY (program_id, webhook_id, event_id)
      );
      CREATE INDEX webhook_deliveries_due ON webhook_deliveries (program_id, next_attempt_at) WHERE status = 'pending'
    `,
  },
  {
    version: 4,
    name: 'signal history and scheduled changes',
    // next_change_at: when the subject's progress next changes without an event (tenure days, inactivity, windows);
    // the scheduler sleeps until the earliest one. Rows written before this column existed are due at once, so
    // each is recomputed (and scheduled) one time. signal_history: every raise and clear, oldest first by id.
    sql: `
      ALTER TABLE progress ADD COLUMN next_change_at timestamptz;
      UPDATE progress SET next_change_at = now();
      CREATE INDEX progress_next_change ON progress (program_id, next_change_at) WHERE next_change_at IS NOT NULL;
      CREATE TABLE signal_history (
        id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        program_id  text        NOT NULL,
        user_id     text        NOT NULL,
        account_id  text,
        signal_id   text        NOT NULL,
        state       text        NOT NULL,
        at          timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX signal_history_by_user ON signal_history (program_id, user_id, id);
      CREATE INDEX signal_history_by_account ON signal_history (program_id, account_id, id) WHERE account_id IS NOT NULL
    `,
  },
  {
    version: 5,
    name: 'public shares',
    // One row per share link (DESIGN §7.5). The page text is snapshotted at creation; revoking keeps the row so the
    // page answers 410 rather than 404. user_id is only used to check who may revoke and is never rendered.
    sql: `
      CREATE TABLE shares (
        program_id text        NOT NULL,
        id         text        NOT NULL,
        user_id    text        NOT NULL,
        kind       text        NOT NULL,
        ref_id     text        NOT NULL,
        title      text        NOT NULL,
        first_name text,
        created_at timestamptz NOT NULL,
        revoked_at timestamptz,
        PRIMARY KEY (program_id, id)
      );
      CREATE INDEX shares_by_user ON shares (program_id, user_id)
    `,
  },
  {
    version: 6,
    name: 'program versions',
    sql: `
      CREATE TABLE program_versions (
        program_id   text        NOT NULL,
        version      text        NOT NULL,
        definition   jsonb       NOT NULL,
        summary      jsonb       NOT NULL,
        published_at timestamptz NOT NULL,
        published_by text        NOT NULL,
        seq          bigserial,
        PRIMARY KEY (program_id, version)
      );

      CREATE TABLE program_activations (
        seq          bigserial   PRIMARY KEY,
        program_id   text        NOT NULL,
        version      text        NOT NULL,
        activated_at timestamptz NOT NULL,
        activated_by text        NOT NULL
      );
      CREATE INDEX program_activations_latest ON program_activations (program_id, seq DESC);

      CREATE TABLE carried_achievements (
        program_id text  NOT NULL,
        user_id    text  NOT NULL,
        payload    jsonb NOT NULL,
        PRIMARY KEY (program_id, user_id)
      );
    `,
  },
  {
    version: 7,
    name: 'stream tickets',
    // Short-lived single-use tickets for GET /v1/me/stream?ticket= (see ARCHITECTURE.md, "Stream tickets"). Only a
    // SHA-256 of the ticket is stored; claims are the verified user token's, so the stream authenticates as it did.
    sql: `
      CREATE TABLE stream_tickets (
        program_id  text        NOT NULL,
        ticket_hash text        NOT NULL,
        claims      jsonb       NOT NULL,
        expires_at  timestamptz NOT NULL,
        used_at     timestamptz,
        PRIMARY KEY (program_id, ticket_hash)
      );
      CREATE INDEX stream_tickets_expiry ON stream_tickets (program_id, expires_at)
    `,
  },
  {
    version: 8,
    name: 'provisional subjects',
    // A subject made up from a user's events (before the host upserts one) is marked, so a later batch holding
    // earlier events can move its signup back: stored progress must not depend on how a sender batched its stream.
    sql: `ALTER TABLE subjects ADD COLUMN provisional boolean NOT NULL DEFAULT false`,
  },
]

/**
 * Brings the schema up to date. The advisory lock is taken inside the transaction, before anything is read,
 * so two processes starting at once apply each migration exactly once (the second waits, then finds nothing to do).
 */
export async function applyMigrations(storage: Storage, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  return storage.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY])
    await tx.query(
      `CREATE TABLE IF NOT EXISTS schema_migrations (
         version    integer PRIMARY KEY,
         name       text NOT NULL,
         applied_at timestamptz NOT NULL DEFAULT now()
       )`,
    )
    const done = new Set((await tx.query<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => Number(r.version)))
    const applied: number[] = []
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      if (done.has(migration.version)) continue
      await runScript(tx, migration.sql)
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name])
      applied.push(migration.version)
    }
    return applied
  })
}

/**
 * Statements run one by one so the same code path works on both backends' extended query protocol.
 * Splitting on `;` is enough because migrations hold plain DDL (no function bodies or string literals with `;`).
 */
async function runScript(tx: Queryable, script: string): Promise<void> {
  for (const statement of script.split(';')) {
    if (statement.trim() !== '') await tx.query(statement)
  }
}

// Applying pending migrations at start-up, under a lock several instances can share.
import pg from "pg";
import { migrateDatabase } from "./database-admin.js";
import { pendingMigrations, shippedMigrations } from "./migration-status.js";

/** Any advisory-lock key of our own; instances starting together apply migrations one at a time. */
const MIGRATION_LOCK_KEY = 7_370_271_118;

/** How often an instance waiting for another's migrations asks for the lock again. */
const LOCK_POLL_MS = 250;

/**
 * Brings the schema up to this build before the server listens. The first
 * instance to take the lock migrates; the others wait, then find nothing to
 * do. With nothing pending, Prisma is not started at all.
 *
 * The others wait between tries with no statement running: a statement
 * blocked in pg_advisory_lock would hold a snapshot, and a migration's
 * CREATE INDEX CONCURRENTLY waits for every such snapshot to end, so
 * instances starting together would wait for each other for ever.
 */
export async function migrateOnStart(databaseUrl: string, log: (message: string) => void, migrationsDir?: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    while (!(await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [MIGRATION_LOCK_KEY])).rows[0]!.locked) {
      await new Promise((resolve) => setTimeout(resolve, LOCK_POLL_MS));
    }
    const pending = await pendingMigrations(client, shippedMigrations(migrationsDir));
    if (pending.length > 0) {
      log(`Applying ${pending.length} database migration(s): ${pending.join(", ")}`);
      await migrateDatabase(databaseUrl, migrationsDir);
    }
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => {});
    await client.end();
  }
}

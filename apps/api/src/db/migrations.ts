// Applying pending migrations at start-up, under a lock several instances can share.
import pg from "pg";
import { migrateDatabase } from "./database-admin.js";
import { pendingMigrations, shippedMigrations } from "./migration-status.js";

/** Any advisory-lock key of our own; instances starting together apply migrations one at a time. */
const MIGRATION_LOCK_KEY = 7_370_271_118;

/**
 * Brings the schema up to this build before the server listens. The first
 * instance to take the lock migrates; the others wait, then find nothing to
 * do. With nothing pending, Prisma is not started at all.
 */
export async function migrateOnStart(databaseUrl: string, log: (message: string) => void): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    const pending = await pendingMigrations(client, shippedMigrations());
    if (pending.length > 0) {
      log(`Applying ${pending.length} database migration(s): ${pending.join(", ")}`);
      await migrateDatabase(databaseUrl);
    }
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => {});
    await client.end();
  }
}

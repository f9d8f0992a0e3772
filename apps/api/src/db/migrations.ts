// What `prisma migrate deploy` would apply, read without starting Prisma, and
// applying it at start-up under a lock that several instances can share.
import { readdirSync, existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { migrateDatabase } from "./database-admin.js";

export const MIGRATIONS_DIR = fileURLToPath(new URL("../../../../prisma/migrations", import.meta.url));

/** Any advisory-lock key of our own; instances starting together apply migrations one at a time. */
const MIGRATION_LOCK_KEY = 7_370_271_118;

/** The migrations this build ships, oldest first. */
export function shippedMigrations(dir = MIGRATIONS_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort();
}

type Queryable = Pick<pg.ClientBase, "query">;

/** Shipped migrations the database has not applied (all of them on an empty database). */
export async function pendingMigrations(db: Queryable, shipped: string[]): Promise<string[]> {
  try {
    const { rows } = await db.query<{ migration_name: string }>(
      "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
    );
    const applied = new Set(rows.map((row) => row.migration_name));
    return shipped.filter((name) => !applied.has(name));
  } catch (error) {
    if ((error as { code?: string }).code === "42P01") return shipped; // no migrations table: nothing applied
    throw error;
  }
}

/**
 * Brings the schema up to this build before the server listens. The first
 * instance to take the lock migrates; the others wait, then find nothing to do.
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

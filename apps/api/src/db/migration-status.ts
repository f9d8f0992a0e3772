// Which migrations this build ships and which a database lacks: read-only,
// for the health check and for the start-up step in migrations.ts.
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type pg from "pg";

export const MIGRATIONS_DIR = fileURLToPath(new URL("../../../../prisma/migrations", import.meta.url));

/** The migrations this build ships, oldest first. */
export function shippedMigrations(dir = MIGRATIONS_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort();
}

/** Shipped migrations the database has not applied (all of them on an empty database). */
export async function pendingMigrations(db: Pick<pg.ClientBase, "query">, shipped: string[]): Promise<string[]> {
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

// docs/database.md tells a migration that indexes a large table to build it
// CONCURRENTLY, so link writes go on meanwhile. That works only while the
// migration runner sends each statement on its own, outside a transaction
// (this fails if a Prisma upgrade starts wrapping migrations in one), and
// while instances starting together wait for the migration lock without a
// statement running (a concurrent build waits for every running statement).
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { dropAllTables, ensureDatabase } from "../../src/db/database-admin.js";
import { MIGRATIONS_DIR } from "../../src/db/migration-status.js";
import { migrateOnStart } from "../../src/db/migrations.js";

describe("a migration that builds indexes concurrently", () => {
  it("is applied once by instances starting together, each statement on its own", async () => {
    const url = new URL(inject("databaseUrl"));
    await ensureDatabase(Object.assign(new URL(url), { pathname: "/postgres" }).toString(), "shortly_concurrent_index");
    url.pathname = "/shortly_concurrent_index";
    await dropAllTables(url.toString());
    const dir = mkdtempSync(path.join(tmpdir(), "shortly-migrations-"));
    cpSync(MIGRATIONS_DIR, dir, { recursive: true });
    mkdirSync(path.join(dir, "29991231000000_concurrent_indexes"));
    writeFileSync(
      path.join(dir, "29991231000000_concurrent_indexes", "migration.sql"),
      "CREATE INDEX CONCURRENTLY IF NOT EXISTS links_updated_at_idx ON links (updated_at);\n" +
        "DROP INDEX CONCURRENTLY IF EXISTS links_host_idx;\n",
    );

    const applied: string[] = [];
    const instance = () => migrateOnStart(url.toString(), (message) => applied.push(message), dir);
    let timer: NodeJS.Timeout | undefined;
    const hung = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error("instances starting together waited for each other")), 25_000);
    });
    try {
      await Promise.race([Promise.all([instance(), instance(), instance()]), hung]);
    } finally {
      clearTimeout(timer);
    }

    expect(applied).toHaveLength(1); // one instance migrated; the others found nothing to do
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    try {
      const { rows } = await client.query(
        "SELECT indexname FROM pg_indexes WHERE tablename = 'links' AND indexname IN ('links_updated_at_idx', 'links_host_idx')",
      );
      expect(rows).toEqual([{ indexname: "links_updated_at_idx" }]);
      const invalid = await client.query("SELECT count(*)::int AS n FROM pg_index WHERE NOT indisvalid");
      expect(invalid.rows[0].n).toBe(0);
    } finally {
      await client.end();
    }
  });
});

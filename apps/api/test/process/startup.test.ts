// What a start does with the database it is given, as operators run it: the
// production server in child processes. A server either brings the schema up
// to this build before it listens, or refuses to start with one sentence.
import { mkdtempSync, chmodSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { dropAllTables, ensureDatabase } from "../../src/db/database-admin.js";
import { shippedMigrations } from "../../src/db/migration-status.js";
import { runServerToExit, startServer } from "../helpers/server-process.js";

/** A fresh, empty database on the test server, next to the test database. */
async function emptyDatabase(name: string): Promise<string> {
  const url = new URL(inject("databaseUrl"));
  await ensureDatabase(Object.assign(new URL(url), { pathname: "/postgres" }).toString(), name);
  url.pathname = `/${name}`;
  await dropAllTables(url.toString());
  return url.toString();
}

async function query<T>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

const noStackTrace = (output: string) => expect(output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);

describe("starting on a database the code has not seen", () => {
  it("applies every pending migration before it answers, so the first sign-up works", async () => {
    const url = await emptyDatabase("shortly_startup_fresh");
    const server = await startServer({ DATABASE_URL: url });
    try {
      const health = await fetch(`${server.url}/api/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: "ok", schema: "ok", pending_migrations: [] });
      const signUp = await fetch(`${server.url}/api/auth/register`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: "first@example.com", password: "first-password-1" }),
      });
      expect(signUp.status).toBe(201);
    } finally {
      server.child.kill("SIGTERM");
      await server.exited;
    }
  });

  it("lets several instances start together on one empty database: each migration is applied once", async () => {
    const url = await emptyDatabase("shortly_startup_together");
    const servers = await Promise.all([
      startServer({ DATABASE_URL: url }),
      startServer({ DATABASE_URL: url }),
      startServer({ DATABASE_URL: url }),
    ]);
    try {
      for (const server of servers) expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
      const applied = await query<{ migration_name: string; n: number }>(
        url,
        "SELECT migration_name, count(*)::int AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL GROUP BY migration_name ORDER BY migration_name",
      );
      expect(applied).toEqual(shippedMigrations().map((name) => ({ migration_name: name, n: 1 })));
    } finally {
      for (const server of servers) server.child.kill("SIGTERM");
      await Promise.all(servers.map((s) => s.exited));
    }
  });

  it("refuses to start, never listening, with a sentence and no stack, when the schema cannot be brought up to date", async () => {
    const url = await emptyDatabase("shortly_startup_failed");
    // What a migration that failed halfway leaves behind: Prisma will not go on until someone resolves it.
    await query(
      url,
      `CREATE TABLE _prisma_migrations (id varchar(36) PRIMARY KEY, checksum varchar(64) NOT NULL, finished_at timestamptz, migration_name varchar(255) NOT NULL, logs text, rolled_back_at timestamptz, started_at timestamptz NOT NULL DEFAULT now(), applied_steps_count integer NOT NULL DEFAULT 0)`,
    );
    await query(url, `INSERT INTO _prisma_migrations (id, checksum, migration_name) VALUES ('failed', 'x', '${shippedMigrations()[0]}')`);
    const run = await runServerToExit({ DATABASE_URL: url });
    expect(run.code).toBe(1);
    expect(run.listened).toBe(false);
    expect(run.output).toContain("The database schema could not be brought up to date");
    expect(run.output).not.toContain("postgres@"); // the URL is shown without its credentials
    noStackTrace(run.output);
  });
});

describe.runIf(process.getuid?.() === 0)("the embedded database, started as root", () => {
  it("stops with one sentence saying what to do when the postgres user cannot reach the data folder", async () => {
    const closed = mkdtempSync(path.join(tmpdir(), "shortly-closed-"));
    chmodSync(closed, 0o700); // like /root: only its owner may enter
    const run = await runServerToExit({ NODE_ENV: "development", DATABASE_URL: "", DATA_DIR: path.join(closed, "data") });
    expect(run.code).toBe(1);
    expect(run.listened).toBe(false);
    expect(run.output).toContain(`that user cannot enter ${closed}`);
    expect(run.output).toMatch(/put Shortly in a folder others can read/);
    noStackTrace(run.output);
  });
});

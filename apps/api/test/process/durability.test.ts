// What happens to answered clicks when the process stops, is killed, or loses
// its database: the production server in a child process, under load.
import { chmodSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { dropAllTables, ensureDatabase, migrateDatabase } from "../../src/db/database-admin.js";
import { freePort, startEmbeddedPostgres } from "../../src/db/embedded-postgres.js";
import { resetDatabaseBeforeEach, testDb } from "../helpers/build-test-app.js";
import { startLoad, startServer } from "../helpers/server-process.js";

const db = testDb();
resetDatabaseBeforeEach(db);
const LOAD_CONNECTIONS = 16;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function seedLink(pool: pg.Pool, code: string): Promise<void> {
  const { rows } = await pool.query("INSERT INTO users (email, password_hash) VALUES ($1, NULL) RETURNING id", [`${code}@example.com`]);
  await pool.query("INSERT INTO links (code, long_url, user_id, updated_at) VALUES ($1, 'https://example.com/', $2, now())", [
    code,
    rows[0].id,
  ]);
}

/** Registers and logs in over HTTP; returns the access token. */
async function signUp(serverUrl: string): Promise<string> {
  const post = (route: string, body: object) =>
    fetch(`${serverUrl}${route}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const credentials = { email: "outage@example.com", password: "outage-password-1" };
  expect((await post("/api/auth/register", credentials)).status).toBe(201);
  const login = await post("/api/auth/login-json", { username: credentials.email, password: credentials.password });
  expect(login.status).toBe(200);
  return ((await login.json()) as { access_token: string }).access_token;
}

const clickCount = async (pool: pg.Pool) => (await pool.query("SELECT count(*)::int AS n FROM clicks")).rows[0].n as number;
const counterSum = async (pool: pg.Pool) =>
  (await pool.query("SELECT coalesce(sum(clicks), 0)::int AS n FROM link_daily_clicks")).rows[0].n as number;

describe.each(["SIGTERM", "SIGKILL"] as const)("%s under load, then a restart", (signal) => {
  it("stores every answered click, once", async () => {
    const spoolDir = mkdtempSync(path.join(tmpdir(), "shortly-spool-"));
    const env = { DATABASE_URL: inject("databaseUrl"), SPOOL_DIR: spoolDir };
    await seedLink(db, "durable1");
    const first = await startServer(env);
    const load = startLoad(`${first.url}/durable1`, LOAD_CONNECTIONS);
    await sleep(1500);
    load.markCrash();
    first.child.kill(signal);
    await first.exited;
    const { redirects } = await load.stop();
    expect(redirects).toBeGreaterThan(100);

    const second = await startServer(env);
    if (signal === "SIGTERM") {
      await expect.poll(() => clickCount(db), { timeout: 15_000, interval: 100 }).toBe(redirects);
    } else {
      // The guarantee: a visit is on disk before its 302 is written, so a kill
      // can only catch visits spooled and not yet answered: requests under way
      // at the crash that never got their answer (at most one per connection).
      // Those may be counted though their 302 never left; nothing else may.
      await expect.poll(() => clickCount(db), { timeout: 15_000, interval: 100 }).toBeGreaterThanOrEqual(redirects);
      await sleep(500); // a replay that counted anything twice would show here
      expect(load.unansweredAtCrash).toBeLessThanOrEqual(LOAD_CONNECTIONS);
      expect(await clickCount(db)).toBeLessThanOrEqual(redirects + load.unansweredAtCrash);
    }
    expect(await counterSum(db)).toBe(await clickCount(db));
    second.child.kill("SIGTERM");
    expect(await second.exited).toBe(0);
    expect(readdirSync(spoolDir)).toEqual([]);
  });
});

describe("the database going away under load", () => {
  it("keeps cached links redirecting and stores every click once it is back", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "shortly-owned-pg-"));
    chmodSync(dir, 0o755); // PostgreSQL runs as its own OS user when the tests run as root
    const port = await freePort();
    let server = await startEmbeddedPostgres({ dir: path.join(dir, "pg"), port });
    await ensureDatabase(server.serverUrl, "outage");
    const url = server.databaseUrl("outage");
    await dropAllTables(url);
    await migrateDatabase(url);
    const owned = new pg.Pool({ connectionString: url, max: 2 });
    owned.on("error", () => {}); // its connections die with the server, on purpose
    try {
      await seedLink(owned, "outage1");
      const app = await startServer({ DATABASE_URL: url, SPOOL_DIR: path.join(dir, "spool"), CLICK_MEMORY_QUEUE: "500" });
      expect((await fetch(`${app.url}/outage1`, { redirect: "manual" })).status).toBe(302); // now cached
      await expect.poll(() => clickCount(owned), { timeout: 5000 }).toBe(1);
      const token = await signUp(app.url);

      await server.stop();
      const load = startLoad(`${app.url}/outage1`, 8);
      await sleep(3000);
      const during = await load.stop();
      expect(during.redirects).toBeGreaterThan(500); // more than fit in memory: the rest waits on disk
      expect(during.other + during.failed).toBe(0);
      // A link that is not cached cannot be looked up: a retryable 503, never a 500.
      const uncached = await fetch(`${app.url}/notcached1`, { redirect: "manual" });
      expect(uncached.status).toBe(503);
      expect(uncached.headers.get("retry-after")).toBe("5");
      expect(await uncached.json()).toEqual({ detail: "Service Unavailable" });
      // The API too: every endpoint that needs the database says so the same way.
      for (const [method, route, body] of [
        ["GET", "/api/urls", undefined],
        ["GET", "/api/me", undefined],
        ["POST", "/api/urls", { long_url: "https://example.com/during-outage" }],
        ["POST", "/api/auth/login-json", { username: "nobody@example.com", password: "irrelevant-password" }],
      ] as const) {
        const res = await fetch(`${app.url}${route}`, {
          method,
          headers: { authorization: `Bearer ${token}`, ...(body ? { "content-type": "application/json" } : {}) },
          body: body && JSON.stringify(body),
        });
        expect({ route: `${method} ${route}`, status: res.status, retryAfter: res.headers.get("retry-after") }).toEqual({
          route: `${method} ${route}`,
          status: 503,
          retryAfter: "5",
        });
        expect(await res.json()).toEqual({ detail: "Service Unavailable" });
      }

      server = await startEmbeddedPostgres({ dir: path.join(dir, "pg"), port });
      await expect.poll(() => clickCount(owned), { timeout: 20_000, interval: 200 }).toBe(1 + during.redirects);
      expect(await counterSum(owned)).toBe(1 + during.redirects);
      app.child.kill("SIGTERM");
      expect(await app.exited).toBe(0);
    } finally {
      await owned.end();
      await server.stop();
    }
  });
});

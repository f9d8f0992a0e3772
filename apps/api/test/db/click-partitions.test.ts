// Raw clicks partitioned by month: the migration from the unpartitioned table
// loses nothing, and retention drops whole months of raw clicks while every
// figure read from the daily rollups stays exact.
import { cpSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { dropAllTables, ensureDatabase, migrateDatabase } from "../../src/db/database-admin.js";
import { MIGRATIONS_DIR } from "../../src/db/migration-status.js";
import { createClickExportRepository } from "../../src/modules/analytics/click-export-repository.js";
import { createClickRetention } from "../../src/modules/clicks/click-retention.js";
import { createClickPartitionsRepository } from "../../src/modules/clicks/partitions-repository.js";
import { createClickWriterRepository } from "../../src/modules/clicks/writer-repository.js";
import { buildTestApp, resetDatabaseBeforeEach, testDb } from "../helpers/build-test-app.js";
import { createLink, createUser, enrichedClick } from "../helpers/factories.js";

const PARTITIONING = "20261202000000_clicks_partitioned_by_month";
const MONTHS = ["2026-07-15T10:00:00Z", "2026-08-01T00:00:00Z", "2026-08-31T23:59:59Z", "2026-10-10T12:00:00Z", "2026-11-30T23:00:00Z"];
const quietLog = { info: () => {}, warn: () => {}, error: () => {} };

async function withDatabase<T>(name: string, use: (url: string, pool: pg.Pool) => Promise<T>): Promise<T> {
  const url = new URL(inject("databaseUrl"));
  await ensureDatabase(Object.assign(new URL(url), { pathname: "/postgres" }).toString(), name);
  url.pathname = `/${name}`;
  await dropAllTables(url.toString());
  const pool = new pg.Pool({ connectionString: url.toString(), max: 2 });
  try {
    return await use(url.toString(), pool);
  } finally {
    await pool.end();
  }
}

const countsByMonth = async (pool: pg.Pool, ids = "sum(id)::text") =>
  (
    await pool.query(
      `SELECT to_char(clicked_at AT TIME ZONE 'UTC', 'YYYY-MM') AS month, count(*)::int AS n, ${ids} AS ids FROM clicks GROUP BY 1 ORDER BY 1`,
    )
  ).rows;

/** A folder with the migrations that sort before `last`, and `last` itself with `including`. */
function migrationsUpTo(last: string, including: boolean): string {
  const dir = mkdtempSync(path.join(tmpdir(), "shortly-migrations-"));
  for (const name of readdirSync(MIGRATIONS_DIR)) {
    if (name < last || (including && name === last)) cpSync(path.join(MIGRATIONS_DIR, name), path.join(dir, name), { recursive: true });
  }
  return dir;
}

describe("the migration to monthly partitions", () => {
  it("keeps every click of several months, each in its month's partition, and the ids go on", async () => {
    await withDatabase("shortly_partition_migration", async (url, pool) => {
      // The schema as it was before partitioning.
      await migrateDatabase(url, migrationsUpTo(PARTITIONING, false));
      const { rows } = await pool.query("INSERT INTO users (email) VALUES ('months@example.com') RETURNING id");
      const link = await pool.query(
        "INSERT INTO links (code, long_url, user_id, updated_at) VALUES ('months1', 'https://example.com/', $1, now()) RETURNING id",
        [rows[0].id],
      );
      for (const [i, at] of MONTHS.entries()) {
        for (let n = 0; n <= i; n++) {
          await pool.query("INSERT INTO clicks (link_id, clicked_at, referrer, is_bot) VALUES ($1, $2, $3, $4)", [
            link.rows[0].id,
            at,
            `https://r${n}.example/`,
            n % 2 === 1,
          ]);
        }
      }
      const expected = await countsByMonth(pool);
      const maxId = Number((await pool.query("SELECT max(id) AS id FROM clicks")).rows[0].id);

      await migrateDatabase(url, migrationsUpTo(PARTITIONING, true));
      expect(await countsByMonth(pool)).toEqual(expected);
      const kind = await pool.query("SELECT relkind FROM pg_class WHERE relname = 'clicks'");
      expect(kind.rows[0].relkind).toBe("p");
      // Each month's clicks sit in that month's partition, none in the default one.
      const placed = await pool.query("SELECT tableoid::regclass::text AS partition, count(*)::int AS n FROM clicks GROUP BY 1 ORDER BY 1");
      expect(placed.rows).toEqual([
        { partition: "clicks_y2026m07", n: 1 },
        { partition: "clicks_y2026m08", n: 5 },
        { partition: "clicks_y2026m10", n: 4 },
        { partition: "clicks_y2026m11", n: 5 },
      ]);
      const next = await pool.query("INSERT INTO clicks (link_id) VALUES ($1) RETURNING id", [link.rows[0].id]);
      expect(Number(next.rows[0].id)).toBeGreaterThan(maxId);
      await pool.query("DELETE FROM clicks WHERE id = $1", [next.rows[0].id]);
      await migrateDatabase(url); // those after it too: the raw clicks lose their key and their id, none of their rows
      expect(await countsByMonth(pool, "NULL")).toEqual(expected.map((month) => ({ ...month, ids: null })));
      // Deleting the link still deletes its clicks (the statement trigger), across partitions.
      await pool.query("DELETE FROM links WHERE id = $1", [link.rows[0].id]);
      expect((await pool.query("SELECT count(*)::int AS n FROM clicks")).rows[0].n).toBe(0);
    });
  });
});

const app = await buildTestApp();
const db = testDb();
resetDatabaseBeforeEach(db);

const click = (linkId: number, userId: number, code: string, at: string, isBot = false) =>
  enrichedClick({
    linkId,
    userId,
    code,
    clickedAt: new Date(at),
    userAgent: "Mozilla/5.0",
    browser: "Chrome",
    os: "Linux",
    device: "desktop",
    country: "DE",
    isBot,
  });

describe("raw clicks", () => {
  it("keep one index, the export's, no key and no id, and the export gives every click of one millisecond", async () => {
    const indexes = await db.query("SELECT indexname FROM pg_indexes WHERE tablename = 'clicks' ORDER BY indexname");
    expect(indexes.rows.map((r) => r.indexname)).toEqual(["clicks_link_id_clicked_at_idx"]);
    const keys = await db.query(
      "SELECT count(*)::int AS n FROM pg_constraint WHERE conrelid = 'clicks'::regclass AND contype IN ('p', 'u')",
    );
    expect(keys.rows[0].n).toBe(0);
    const columns = await db.query(
      "SELECT column_name FROM information_schema.columns WHERE table_name = 'clicks' ORDER BY ordinal_position",
    );
    expect(columns.rows.map((r) => r.column_name)).not.toContain("id");
    expect((await db.query("SELECT to_regclass('clicks_id_seq') AS seq")).rows[0].seq).toBeNull();
    const user = await createUser(app);
    const link = await createLink(app, user);
    const { rows } = await db.query("SELECT id FROM links WHERE code = $1", [link.short_code]);
    // Clicks of one millisecond, over two batches (in no defined order among themselves).
    const writer = createClickWriterRepository(db);
    const sameTime = (n: number) => ({
      ...click(rows[0].id, user.id, link.short_code, "2026-12-02T10:00:00.123Z"),
      referrer: `https://r${n}.example/`,
    });
    await writer.insertBatch([1, 2, 3].map(sameTime), null);
    await writer.insertBatch([4, 5].map(sameTime), null);
    const stream = await createClickExportRepository(db).streamClicks({ linkId: rows[0].id }, null);
    const exported: string[] = [];
    for await (const row of stream) exported.push(row.referrer);
    expect(exported.sort()).toEqual([1, 2, 3, 4, 5].map((n) => `https://r${n}.example/`));
  });
});

describe("retention", () => {
  it("drops whole months of raw clicks past CLICK_RETENTION_DAYS, and stats and analytics stay exact", async () => {
    const user = await createUser(app);
    const link = await createLink(app, user);
    const { rows } = await db.query("SELECT id FROM links WHERE code = $1", [link.short_code]);
    const linkId = rows[0].id as number;
    const repo = createClickPartitionsRepository(db);
    await repo.ensureMonths(new Date("2026-06-01T00:00:00Z"), 8);
    // Stored as the click writer stores them: raw rows and the daily rollups in one batch.
    await createClickWriterRepository(db).insertBatch(
      [...MONTHS.map((at) => click(linkId, user.id, link.short_code, at)), click(linkId, user.id, link.short_code, MONTHS[0]!, true)],
      null,
    );
    const read = async () => ({
      stats: (await app.inject({ url: `/api/urls/${link.short_code}/stats`, headers: user.headers })).json(),
      analytics: (
        await app.inject({ url: `/api/urls/${link.short_code}/analytics?from=2026-07-01&to=2026-12-01`, headers: user.headers })
      ).json(),
      csvLines: (
        await app.inject({ url: `/api/urls/${link.short_code}/clicks.csv?from=2026-07-01&to=2026-12-01`, headers: user.headers })
      ).body
        .trim()
        .split("\n").length,
    });
    const before = await read();
    expect(before.stats.total_clicks).toBe(6);
    expect(before.analytics).toMatchObject({ total_clicks: 5, bot_clicks: 1, countries: [{ value: "DE", clicks: 5 }] });
    expect(before.csvLines).toBe(1 + 6);

    // 2026-12-02 with 60 days kept: the cutoff is 2026-10-03, so July and August go, October stays whole.
    const retention = createClickRetention({ repo, retentionDays: 60, log: quietLog, clock: () => new Date("2026-12-02T12:00:00Z") });
    const { dropped } = await retention.runOnce();
    expect(dropped.sort()).toEqual(["clicks_y2026m06", "clicks_y2026m07", "clicks_y2026m08", "clicks_y2026m09"]);

    const after = await read();
    expect(after.stats).toEqual(before.stats);
    expect(after.analytics).toEqual(before.analytics);
    expect(after.csvLines).toBe(1 + 2); // the raw export keeps October and November only
    const left = await db.query("SELECT to_char(clicked_at AT TIME ZONE 'UTC', 'YYYY-MM') AS month FROM clicks ORDER BY 1");
    expect(left.rows.map((r) => r.month)).toEqual(["2026-10", "2026-11"]);
    // The coming months are ready before their clicks arrive.
    const names = (await repo.months()).map((m) => m.name);
    expect(names).toEqual(expect.arrayContaining(["clicks_y2026m12", "clicks_y2027m01", "clicks_y2027m02"]));
  });

  it("bounds every month at UTC midnight whatever the session's time zone, across DST changes", async () => {
    const newYork = new pg.Pool({ connectionString: inject("databaseUrl"), max: 1, options: "-c TimeZone=America/New_York" });
    try {
      await createClickPartitionsRepository(newYork).ensureMonths(new Date("2027-02-15T00:00:00Z"), 10);
    } finally {
      await newYork.end();
    }
    const { rows } = await db.query(
      `SELECT c.relname AS name, pg_get_expr(c.relpartbound, c.oid) AS bound FROM pg_class c
       WHERE c.relname IN ('clicks_y2027m03', 'clicks_y2027m11') ORDER BY 1`,
    );
    expect(rows).toEqual([
      { name: "clicks_y2027m03", bound: "FOR VALUES FROM ('2027-03-01 00:00:00+00') TO ('2027-04-01 00:00:00+00')" },
      { name: "clicks_y2027m11", bound: "FOR VALUES FROM ('2027-11-01 00:00:00+00') TO ('2027-12-01 00:00:00+00')" },
    ]);
  });

  it("still drops old months when a coming month cannot be created (a stray click of that month sits in the default partition)", async () => {
    const user = await createUser(app);
    const link = await createLink(app, user);
    const { rows } = await db.query("SELECT id FROM links WHERE code = $1", [link.short_code]);
    const repo = createClickPartitionsRepository(db);
    await repo.ensureMonths(new Date("2026-06-01T00:00:00Z"), 1);
    await db.query("INSERT INTO clicks (link_id, clicked_at) VALUES ($1, '2026-06-10T00:00:00Z'), ($1, '2031-05-05T00:00:00Z')", [
      rows[0].id,
    ]);
    const warnings: unknown[] = [];
    const retention = createClickRetention({
      repo,
      retentionDays: 30,
      log: { ...quietLog, warn: (obj) => warnings.push(obj) },
      clock: () => new Date("2031-05-20T00:00:00Z"),
    });
    const { dropped } = await retention.runOnce();
    expect(dropped).toContain("clicks_y2026m06");
    expect(warnings).toEqual([expect.objectContaining({ month: "2031-05" })]);
    const left = await db.query("SELECT tableoid::regclass::text AS partition, clicked_at FROM clicks");
    expect(left.rows.map((r) => r.partition)).toEqual(["clicks_default"]);
  });

  it("gives up on a partition change while a long read holds clicks, so stored clicks queue behind it for the lock timeout only", async () => {
    const user = await createUser(app);
    const link = await createLink(app, user);
    const { rows } = await db.query("SELECT id FROM links WHERE code = $1", [link.short_code]);
    const repo = createClickPartitionsRepository(db);
    const now = new Date();
    await repo.ensureMonths(now, 1);
    // A CSV export in progress: its transaction holds a read lock on clicks until it ends (at the
    // latest after 15 s, so a lock timeout that failed to work cannot hold up the tests after this one).
    const reader = new pg.Client({ connectionString: inject("databaseUrl"), options: "-c idle_in_transaction_session_timeout=15s" });
    await reader.connect();
    try {
      await reader.query("BEGIN");
      await reader.query("SELECT count(*) FROM clicks");

      const started = Date.now();
      const creating = repo.ensureMonths(new Date("2033-01-01T00:00:00Z"), 1);
      // Once the DDL is queued for its lock, inserts queue behind it.
      const queued = async () =>
        (
          await db.query(
            "SELECT count(*)::int AS n FROM pg_locks l JOIN pg_class c ON c.oid = l.relation WHERE c.relname = 'clicks' AND NOT l.granted",
          )
        ).rows[0].n > 0;
      while (!(await queued()) && Date.now() - started < 5_000) await new Promise((r) => setTimeout(r, 20));
      await createClickWriterRepository(db).insertBatch([click(rows[0].id, user.id, link.short_code, now.toISOString())], null);
      const insertedAfterMs = Date.now() - started;
      const failed = await creating;

      expect(failed).toEqual([{ month: new Date("2033-01-01T00:00:00Z"), error: expect.objectContaining({ code: "55P03" }) }]);
      expect(insertedAfterMs).toBeGreaterThanOrEqual(1_500); // it did wait for the queued DDL...
      expect(insertedAfterMs).toBeLessThan(10_000); // ...for the lock timeout, not until the read was ended
      await expect(
        repo.dropMonth(`clicks_y${now.getUTCFullYear()}m${String(now.getUTCMonth() + 1).padStart(2, "0")}`),
      ).rejects.toMatchObject({
        code: "55P03",
      });
      expect((await db.query("SELECT count(*)::int AS n FROM clicks")).rows[0].n).toBe(1);
    } finally {
      await reader.end();
    }
    // Once the read is over, the next run creates the month.
    expect(await repo.ensureMonths(new Date("2033-01-01T00:00:00Z"), 1)).toEqual([]);
    expect((await repo.months()).map((m) => m.name)).toContain("clicks_y2033m01");
    await repo.dropMonth("clicks_y2033m01");
  });

  it("keeps everything without CLICK_RETENTION_DAYS", async () => {
    const retention = createClickRetention({ repo: createClickPartitionsRepository(db), retentionDays: null, log: quietLog });
    expect(await retention.runOnce()).toEqual({ dropped: [], strayDeleted: 0 });
  });
});

// The click writer's batch transaction against PostgreSQL: clicks carry no
// foreign key, so the transaction's link locks and the trigger on links must
// keep a deleted link from leaving clicks behind.
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { enrichedClick } from "../../helpers/factories.js";
import { createClickWriterRepository } from "../../../src/modules/clicks/writer-repository.js";
import { resetDatabaseBeforeEach, testDb } from "../../helpers/build-test-app.js";

const db = testDb();
resetDatabaseBeforeEach(db);
const repo = createClickWriterRepository(db);

async function seedLinks(email: string, ...codes: string[]): Promise<{ userId: number; ids: number[] }> {
  const { rows } = await db.query("INSERT INTO users (email, password_hash) VALUES ($1, NULL) RETURNING id", [email]);
  const ids: number[] = [];
  for (const code of codes) {
    const link = await db.query(
      "INSERT INTO links (code, long_url, user_id, updated_at) VALUES ($1, 'https://example.com/', $2, now()) RETURNING id",
      [code, rows[0].id],
    );
    ids.push(link.rows[0].id);
  }
  return { userId: rows[0].id, ids };
}

const click = (linkId: number, userId: number) =>
  enrichedClick({ linkId, userId, userAgent: "test", browser: "Chrome", os: "Linux", device: "desktop", visitor: "1" });
const clicksOf = async (linkId: number) =>
  (await db.query("SELECT count(*)::int AS n FROM clicks WHERE link_id = $1", [linkId])).rows[0].n as number;

describe("storing a batch", () => {
  it("keeps every field as the visit sent it, the characters COPY escapes included", async () => {
    const { userId, ids } = await seedLinks("f@example.com", "exact1");
    const odd = "tab\there\nnew line\r\\back\\N ünïcode \u{1F600}";
    await repo.insertBatch(
      [{ ...click(ids[0]!, userId), referrer: odd, referrerHost: "a.example", userAgent: odd, city: odd, country: "DE", visitor: "-9" }],
      null,
    );
    const { rows } = await db.query("SELECT referrer, referrer_host, user_agent, city, country, is_bot, visitor::text FROM clicks");
    expect(rows).toEqual([
      { referrer: odd, referrer_host: "a.example", user_agent: odd, city: odd, country: "DE", is_bot: false, visitor: "-9" },
    ]);
  });

  it("stores each click's time to the millisecond, its visitor key over the whole signed range, bots, and text without NUL", async () => {
    const { userId, ids } = await seedLinks("t@example.com", "exact2");
    const cases = [
      { clickedAt: new Date("2026-12-02T10:11:12.345Z"), visitor: "9223372036854775807", isBot: true, userAgent: "nul\0inside" },
      { clickedAt: new Date("1999-12-31T23:59:59.999Z"), visitor: "-9223372036854775808", isBot: false, userAgent: "" },
      { clickedAt: new Date("2000-01-01T00:00:00.001Z"), visitor: null, isBot: false, userAgent: null },
    ];
    await repo.insertBatch(
      cases.map((c) => ({ ...click(ids[0]!, userId), ...c })),
      null,
    );
    const { rows } = await db.query("SELECT clicked_at, visitor::text, is_bot, user_agent FROM clicks ORDER BY clicked_at DESC");
    expect(rows).toEqual([
      { clicked_at: cases[0]!.clickedAt, visitor: cases[0]!.visitor, is_bot: true, user_agent: "nulinside" },
      { clicked_at: cases[2]!.clickedAt, visitor: null, is_bot: false, user_agent: null },
      { clicked_at: cases[1]!.clickedAt, visitor: cases[1]!.visitor, is_bot: false, user_agent: "" },
    ]);
  });

  it("stores nothing, rollups and checkpoint included, when the COPY fails, and its connection serves the next batch", async () => {
    const { userId, ids } = await seedLinks("g@example.com", "atomic1");
    const onePool = new pg.Pool({ connectionString: inject("databaseUrl"), max: 1 });
    const oneRepo = createClickWriterRepository(onePool);
    try {
      const backend = async () => (await onePool.query("SELECT pg_backend_pid() AS pid")).rows[0].pid as number;
      const before = await backend();
      const tooLong = "x".repeat(3000); // referrer is varchar(2048): the COPY fails
      await expect(
        oneRepo.insertBatch([click(ids[0]!, userId), { ...click(ids[0]!, userId), referrer: tooLong }], { spoolId: "s2", lastSeq: 2 }),
      ).rejects.toThrow();
      expect(await clicksOf(ids[0]!)).toBe(0);
      expect((await db.query("SELECT count(*)::int AS n FROM link_daily_clicks")).rows[0].n).toBe(0);
      expect((await repo.checkpoints(["s2"])).get("s2")).toBeUndefined();
      // Rolled back, not thrown away: the same connection stores the next batch.
      await oneRepo.insertBatch([click(ids[0]!, userId)], { spoolId: "s2", lastSeq: 3 });
      expect(await backend()).toBe(before);
      expect(await clicksOf(ids[0]!)).toBe(1);
      expect((await repo.checkpoints(["s2"])).get("s2")).toBe(3);
    } finally {
      await onePool.end();
    }
  });

  it("takes back the copied rows when the statement after the COPY fails", async () => {
    const { userId, ids } = await seedLinks("h@example.com", "atomic2");
    const tooLongSpoolId = "s".repeat(65); // click_spool_checkpoints.spool_id is varchar(64)
    await expect(repo.insertBatch([click(ids[0]!, userId)], { spoolId: tooLongSpoolId, lastSeq: 1 })).rejects.toThrow();
    expect(await clicksOf(ids[0]!)).toBe(0);
    expect((await db.query("SELECT count(*)::int AS n FROM link_daily_clicks")).rows[0].n).toBe(0);
  });
});

describe("the rollup tables", () => {
  it("leave half of each page free, so a batch's updates stay on the row's page", async () => {
    const { rows } = await db.query("SELECT relname, reloptions FROM pg_class WHERE relname = ANY($1) ORDER BY relname", [
      ["account_daily_clicks", "account_daily_dimensions", "link_daily_clicks", "link_daily_dimensions"],
    ]);
    expect(rows.map((r) => [r.relname, r.reloptions])).toEqual([
      ["account_daily_clicks", ["fillfactor=50"]],
      ["account_daily_dimensions", ["fillfactor=50"]],
      ["link_daily_clicks", ["fillfactor=50"]],
      ["link_daily_dimensions", ["fillfactor=50"]],
    ]);
  });
});

describe("clicks without a foreign key", () => {
  it("stores a batch's clicks, and deleting a link deletes its clicks", async () => {
    const { userId, ids } = await seedLinks("a@example.com", "keep1", "gone1");
    await repo.insertBatch([click(ids[0]!, userId), click(ids[1]!, userId), click(ids[1]!, userId)], null);
    expect([await clicksOf(ids[0]!), await clicksOf(ids[1]!)]).toEqual([1, 2]);
    await db.query("DELETE FROM links WHERE id = $1", [ids[1]]);
    expect([await clicksOf(ids[0]!), await clicksOf(ids[1]!)]).toEqual([1, 0]);
  });

  it("deletes the clicks of every link of a deleted account", async () => {
    const { userId, ids } = await seedLinks("b@example.com", "acct1", "acct2");
    const other = await seedLinks("c@example.com", "other1");
    await repo.insertBatch([click(ids[0]!, userId), click(ids[1]!, userId), click(other.ids[0]!, other.userId)], null);
    await db.query("DELETE FROM users WHERE id = $1", [userId]);
    const { rows } = await db.query("SELECT link_id FROM clicks");
    expect(rows).toEqual([{ link_id: other.ids[0] }]);
  });

  it("makes a deletion wait for a batch holding its link, then removes what the batch stored", async () => {
    const { ids } = await seedLinks("d@example.com", "race1");
    const linkId = ids[0]!;
    // A batch in flight, held open: it has locked its link as the statement does and stored a click.
    const batch = new pg.Client({ connectionString: inject("databaseUrl") });
    await batch.connect();
    try {
      await batch.query("BEGIN");
      await batch.query("SELECT id FROM links WHERE id = $1 FOR KEY SHARE", [linkId]);
      await batch.query("INSERT INTO clicks (link_id, clicked_at, is_bot) VALUES ($1, now(), false)", [linkId]);
      let deleted = false;
      const deletion = db.query("DELETE FROM links WHERE id = $1", [linkId]).then(() => (deleted = true));
      await new Promise((r) => setTimeout(r, 300));
      expect(deleted).toBe(false); // waits for the batch
      await batch.query("COMMIT");
      await deletion;
    } finally {
      await batch.end();
    }
    expect(await clicksOf(linkId)).toBe(0);
  });

  it("stores nothing for a link deleted before the batch, and the other links' clicks as usual", async () => {
    const { userId, ids } = await seedLinks("e@example.com", "live1", "dead1");
    await db.query("DELETE FROM links WHERE id = $1", [ids[1]]);
    await repo.insertBatch([click(ids[0]!, userId), click(ids[1]!, userId)], { spoolId: "s1", lastSeq: 2 });
    const { rows } = await db.query("SELECT link_id FROM clicks");
    expect(rows).toEqual([{ link_id: ids[0] }]);
    expect((await db.query("SELECT clicks FROM link_daily_clicks")).rows).toEqual([{ clicks: 1 }]);
    expect((await repo.checkpoints(["s1"])).get("s1")).toBe(2);
  });

  it("counts a click under its link's owner in the database, whatever owner the click carries", async () => {
    const owner = await seedLinks("f@example.com", "owned1");
    const other = await seedLinks("g@example.com");
    const linkId = owner.ids[0]!;
    await repo.insertBatch([click(linkId, owner.userId), click(linkId, other.userId)], { spoolId: "s2", lastSeq: 2 });
    await repo.insertBatch([click(linkId, other.userId)], { spoolId: "s2", lastSeq: 3 });
    expect(await clicksOf(linkId)).toBe(3);
    const { rows } = await db.query("SELECT user_id, clicks FROM account_daily_clicks");
    expect(rows).toEqual([{ user_id: owner.userId, clicks: 3 }]);
    expect((await db.query("SELECT clicks FROM link_daily_clicks WHERE link_id = $1", [linkId])).rows).toEqual([{ clicks: 3 }]);
  });
});

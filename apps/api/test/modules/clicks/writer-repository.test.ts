// The click writer's batch statement against PostgreSQL: clicks carry no
// foreign key, so the statement's link locks and the trigger on links must
// keep a deleted link from leaving clicks behind.
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import type { EnrichedClick } from "../../../src/modules/clicks/click.js";
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

const click = (linkId: number, userId: number): EnrichedClick => ({
  linkId,
  userId,
  code: "x",
  clickedAt: new Date(),
  referrer: null,
  referrerHost: null,
  userAgent: "test",
  browser: "Chrome",
  os: "Linux",
  device: "desktop",
  country: null,
  city: null,
  isBot: false,
  visitor: "1",
});
const clicksOf = async (linkId: number) =>
  (await db.query("SELECT count(*)::int AS n FROM clicks WHERE link_id = $1", [linkId])).rows[0].n as number;

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
});

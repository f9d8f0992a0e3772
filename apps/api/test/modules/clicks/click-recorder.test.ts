// The recorder with its real writer thread: what happens when that thread dies.
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildTestApp, resetDatabaseBeforeEach, testDb } from "../../helpers/build-test-app.js";
import { createLink, createUser } from "../../helpers/factories.js";

const spoolDir = mkdtempSync(path.join(tmpdir(), "shortly-recorder-spool-"));
const app = await buildTestApp({
  clicks: {
    spoolDir,
    spoolMaxBytes: 1024 ** 3,
    flushIntervalMs: 50,
    maxInMemory: 100_000,
    maxBatchSize: 200_000,
    maxDeferMs: 0,
    retentionDays: null,
  },
});
// The same pipeline with batches of at most two clicks, flushed only when asked.
const smallBatches = await buildTestApp({
  clicks: {
    spoolDir: mkdtempSync(path.join(tmpdir(), "shortly-recorder-small-batches-")),
    spoolMaxBytes: 1024 ** 3,
    flushIntervalMs: 60_000,
    maxInMemory: 100_000,
    maxBatchSize: 2,
    maxDeferMs: 0,
    retentionDays: null,
  },
});
const db = testDb();
resetDatabaseBeforeEach(db);
const clickCount = async () => (await db.query("SELECT count(*)::int AS n FROM clicks")).rows[0].n as number;

describe("click recorder", () => {
  it("replaces a writer thread that dies, and the new one stores every spooled click once", async () => {
    const user = await createUser(app);
    const link = await createLink(app, user);
    const visit = () => app.inject({ url: `/${link.short_code}` });
    for (let i = 0; i < 5; i++) expect((await visit()).statusCode).toBe(302);
    await app.clickRecorder.flush();
    expect(await clickCount()).toBe(5);

    const dead = app.clickRecorder.writerThread;
    // Visits answered while the thread is being killed: spooled, possibly never seen by it.
    const during = Promise.all(Array.from({ length: 20 }, visit));
    await dead.terminate();
    expect((await during).every((r) => r.statusCode === 302)).toBe(true);
    await expect.poll(() => app.clickRecorder.writerThread !== dead, { timeout: 5000 }).toBe(true);

    for (let i = 0; i < 5; i++) expect((await visit()).statusCode).toBe(302);
    await app.clickRecorder.flush();
    expect(await clickCount()).toBe(30);
    expect((await db.query("SELECT sum(clicks)::int AS n FROM link_daily_clicks")).rows[0].n).toBe(30);
    expect(app.clickRecorder.pending).toBe(0);
    expect(readdirSync(spoolDir).length).toBeGreaterThan(0); // the live spool, kept until shutdown
  });

  it("stores at most maxBatchSize clicks per transaction, in the writer thread it configures", async () => {
    const user = await createUser(smallBatches);
    const link = await createLink(smallBatches, user);
    // Each batch is one transaction: the transactions that stored this link's clicks are counted.
    await db.query("CREATE TABLE test_click_transactions (link_id int, tx bigint)");
    await db.query(`CREATE FUNCTION test_note_click() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN INSERT INTO test_click_transactions VALUES (NEW.link_id, txid_current()); RETURN NULL; END $$`);
    await db.query("CREATE TRIGGER test_note_click AFTER INSERT ON clicks FOR EACH ROW EXECUTE FUNCTION test_note_click()");
    try {
      for (let i = 0; i < 5; i++) expect((await smallBatches.inject({ url: `/${link.short_code}` })).statusCode).toBe(302);
      await smallBatches.clickRecorder.flush();
      expect(await clickCount()).toBe(5);
      const { rows } = await db.query(
        "SELECT count(DISTINCT tx)::int AS n FROM test_click_transactions WHERE link_id = (SELECT id FROM links WHERE code = $1)",
        [link.short_code],
      );
      expect(rows[0].n).toBe(3);
    } finally {
      await db.query("DROP TRIGGER test_note_click ON clicks");
      await db.query("DROP FUNCTION test_note_click()");
      await db.query("DROP TABLE test_click_transactions");
    }
  });
});

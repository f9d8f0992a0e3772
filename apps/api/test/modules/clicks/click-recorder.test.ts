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
});

import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildTestApp, resetDatabaseBeforeEach, testDb } from "../../helpers/build-test-app.js";
import { BROWSER, createLink, createUser } from "../../helpers/factories.js";

const app = await buildTestApp();
const proxied = await buildTestApp({ trustProxy: ["127.0.0.1"] });
// A spool with room for a handful of clicks: what happens when clicks cannot be kept.
const tinySpool = await buildTestApp({
  clicks: {
    spoolDir: mkdtempSync(path.join(tmpdir(), "shortly-tiny-spool-")),
    spoolMaxBytes: 1024,
    flushIntervalMs: 60_000,
    maxInMemory: 100,
    maxBatchSize: 200_000,
    maxDeferMs: 0,
    retentionDays: null,
  },
});
const db = testDb();
resetDatabaseBeforeEach(db);

const clicks = async () =>
  (await db.query("SELECT link_id, referrer, user_agent, country FROM clicks ORDER BY clicked_at, ctid")).rows as Array<
    Record<string, unknown>
  >;
const CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

describe("GET /:code", () => {
  it("answers 302 to the destination and records one click", async () => {
    const user = await createUser(app);
    const link = await createLink(app, user, { long_url: "https://example.com/landing?utm=1" });
    const res = await app.inject({
      url: `/${link.short_code}`,
      headers: { referer: "https://www.News.example.net/post", "user-agent": CHROME },
      remoteAddress: "81.2.69.142",
    });
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe("https://example.com/landing?utm=1");
    expect(res.headers["cache-control"]).toBe("private, no-store");
    await app.clickRecorder.flush();
    const { rows } = await db.query("SELECT * FROM clicks");
    expect(rows).toEqual([
      {
        link_id: 1,
        clicked_at: expect.any(Date),
        referrer: "https://www.News.example.net/post",
        referrer_host: "news.example.net",
        user_agent: CHROME,
        browser: "Chrome",
        os: "Windows",
        device: "desktop",
        country: "GB",
        city: "Newmarket",
        is_bot: false,
        visitor: expect.stringMatching(/^-?\d+$/),
      },
    ]);
    // The IP itself is kept nowhere in the row.
    expect(JSON.stringify(rows)).not.toContain("81.2.69");
  });

  it("answers HEAD like GET without counting a click", async () => {
    const user = await createUser(app);
    const link = await createLink(app, user, { max_clicks: 1 });
    const res = await app.inject({ method: "HEAD", url: `/${link.short_code}` });
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe(link.long_url);
    await app.clickRecorder.flush();
    expect(await clicks()).toEqual([]);
    expect((await app.inject({ url: `/${link.short_code}`, headers: BROWSER })).statusCode).toBe(302);
  });

  it("answers 404 in the contract's shape for unknown, reserved and disabled codes", async () => {
    const user = await createUser(app);
    const link = await createLink(app, user);
    await app.inject({ method: "PATCH", url: `/api/urls/${link.short_code}`, headers: user.headers, payload: { is_active: false } });
    for (const path of ["/Unknown1", `/${link.short_code}`, "/api"]) {
      const res = await app.inject({ url: path });
      expect(res.statusCode, path).toBe(404);
      expect(res.headers["content-type"]).toContain("application/json");
    }
    expect((await app.inject({ url: "/Unknown1" })).json()).toEqual({ detail: "Short URL not found" });
    await app.clickRecorder.flush();
    expect(await clicks()).toEqual([]);
  });

  it("answers 410 for an expired link", async () => {
    const user = await createUser(app);
    const link = await createLink(app, user);
    await db.query("UPDATE links SET expires_at = now() - interval '1 second'");
    const res = await app.inject({ url: `/${link.short_code}`, headers: BROWSER });
    expect(res.statusCode).toBe(410);
    expect(res.json()).toEqual({ detail: "Short URL has expired or reached its click limit" });
  });

  it("gives exactly five 302s to 50 parallel visits of a max_clicks: 5 link", async () => {
    const user = await createUser(app);
    const link = await createLink(app, user, { max_clicks: 5 });
    const results = await Promise.all(Array.from({ length: 50 }, () => app.inject({ url: `/${link.short_code}`, headers: BROWSER })));
    const statuses = results.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 302)).toHaveLength(5);
    expect(statuses.filter((s) => s === 410)).toHaveLength(45);
    await app.clickRecorder.flush();
    expect(await clicks()).toHaveLength(5);
    const { rows } = await db.query("SELECT clicks_used FROM links");
    expect(rows[0].clicks_used).toBe(5);
  });

  it("answers 503 with Retry-After instead of a redirect whose click cannot be kept", async () => {
    const user = await createUser(app);
    const link = await createLink(app, user);
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++)
      statuses.push((await tinySpool.inject({ url: `/${link.short_code}`, headers: { "user-agent": "x".repeat(100) } })).statusCode);
    expect(statuses.slice(0, 3)).toEqual([302, 302, 302]);
    expect(statuses.at(-1)).toBe(503);
    const full = await tinySpool.inject({ url: `/${link.short_code}` });
    expect(full.headers["retry-after"]).toBe("5");
    expect(full.json()).toEqual({ detail: "Service Unavailable" });
    // Every 302 that was given is stored once the writer runs.
    await tinySpool.clickRecorder.flush();
    expect((await db.query("SELECT count(*)::int AS n FROM clicks")).rows[0].n).toBe(statuses.filter((s) => s === 302).length);
  });

  it("locates the forwarded client IP only from a trusted proxy", async () => {
    const user = await createUser(app);
    const link = await createLink(app, user);
    const headers = { "x-forwarded-for": "81.2.69.142" }; // in GB
    await proxied.inject({ url: `/${link.short_code}`, headers, remoteAddress: "127.0.0.1" });
    await app.inject({ url: `/${link.short_code}`, headers, remoteAddress: "127.0.0.1" });
    await proxied.inject({ url: `/${link.short_code}`, headers, remoteAddress: "8.8.8.8" }); // in the US, not a trusted proxy
    await Promise.all([proxied.clickRecorder.flush(), app.clickRecorder.flush()]);
    // Two apps write in their own order: compare the sorted countries.
    const countries = (await clicks()).map((c) => c.country).sort();
    expect(countries).toEqual(["GB", "US", null]);
  });
});

import { describe, expect, it } from "vitest";
import { buildTestApp, resetDatabaseBeforeEach, testDb } from "../../helpers/build-test-app.js";
import { BROWSER, createLink, createUser } from "../../helpers/factories.js";
import { reachableRedisUrl } from "../../helpers/redis.js";

const app = await buildTestApp({ linkCache: { maxEntries: 1000, ttlMs: 60_000, negativeMaxEntries: 500, negativeTtlMs: 60_000 } });
const db = testDb();
resetDatabaseBeforeEach(db);

const visit = (target: typeof app, code: string) => target.inject({ url: `/${code}`, headers: BROWSER });

describe("the redirect cache in one instance", () => {
  it("serves a visited link from memory, and an edit through the API at once", async () => {
    const user = await createUser(app);
    const link = await createLink(app, user, { long_url: "https://example.com/v1" });
    expect((await visit(app, link.short_code)).headers.location).toBe("https://example.com/v1");
    // A change behind the API's back is not seen until the entry expires: the database is not asked.
    await db.query("UPDATE links SET long_url = 'https://example.com/sneaky'");
    expect((await visit(app, link.short_code)).headers.location).toBe("https://example.com/v1");
    await app.inject({
      method: "PATCH",
      url: `/api/urls/${link.short_code}`,
      headers: user.headers,
      payload: { long_url: "https://example.com/v2" },
    });
    expect((await visit(app, link.short_code)).headers.location).toBe("https://example.com/v2");
  });

  it("stops redirecting at once when a link is disabled or deleted", async () => {
    const user = await createUser(app);
    const a = await createLink(app, user);
    const b = await createLink(app, user);
    await visit(app, a.short_code);
    await visit(app, b.short_code);
    await app.inject({ method: "PATCH", url: `/api/urls/${a.short_code}`, headers: user.headers, payload: { is_active: false } });
    await app.inject({ method: "DELETE", url: `/api/urls/${b.short_code}`, headers: user.headers });
    expect((await visit(app, a.short_code)).statusCode).toBe(404);
    expect((await visit(app, b.short_code)).statusCode).toBe(404);
  });

  it("remembers unknown codes, and forgets one as soon as a link takes it", async () => {
    const user = await createUser(app);
    expect((await visit(app, "LaterCode")).statusCode).toBe(404);
    expect(app.linkCache.get("LaterCode")).toBeNull();
    await createLink(app, user, { custom_code: "LaterCode", long_url: "https://example.com/later" });
    const res = await visit(app, "LaterCode");
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe("https://example.com/later");
  });

  it("stays bounded under a flood of unknown codes", async () => {
    for (let i = 0; i < 3000; i++) await visit(app, `nope${i.toString(36)}x`);
    const { negativeEntries } = app.linkCache.stats();
    expect(negativeEntries).toBeLessThanOrEqual(500);
    expect(negativeEntries).toBeGreaterThan(0);
  });
});

const redisUrl = await reachableRedisUrl();

describe.skipIf(!redisUrl)("the redirect cache across two instances sharing Redis", () => {
  it("sees edits, deletions and new links made on the other instance within a second", async () => {
    const a = await buildTestApp({ redisUrl });
    const b = await buildTestApp({ redisUrl });
    const user = await createUser(a);
    const link = await createLink(a, user, { long_url: "https://example.com/one" });
    expect((await visit(b, link.short_code)).headers.location).toBe("https://example.com/one");
    expect((await visit(b, "TakenLater")).statusCode).toBe(404);

    await a.inject({
      method: "PATCH",
      url: `/api/urls/${link.short_code}`,
      headers: user.headers,
      payload: { long_url: "https://example.com/two" },
    });
    await expect
      .poll(async () => (await visit(b, link.short_code)).headers.location, { timeout: 1000, interval: 20 })
      .toBe("https://example.com/two");

    await createLink(a, user, { custom_code: "TakenLater" });
    await expect.poll(async () => (await visit(b, "TakenLater")).statusCode, { timeout: 1000, interval: 20 }).toBe(302);

    await a.inject({ method: "DELETE", url: `/api/urls/${link.short_code}`, headers: user.headers });
    await expect.poll(async () => (await visit(b, link.short_code)).statusCode, { timeout: 1000, interval: 20 }).toBe(404);
  });

  it("keeps a click limit exact across instances", async () => {
    const a = await buildTestApp({ redisUrl });
    const b = await buildTestApp({ redisUrl });
    const user = await createUser(a);
    const link = await createLink(a, user, { max_clicks: 5 });
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => visit(i % 2 ? a : b, link.short_code)));
    expect(results.filter((r) => r.statusCode === 302)).toHaveLength(5);
    await Promise.all([a.clickRecorder.flush(), b.clickRecorder.flush()]);
    expect((await db.query("SELECT count(*)::int AS n FROM clicks")).rows[0].n).toBe(5);
  });
});

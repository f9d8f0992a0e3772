// POST /api/urls/bulk: a result per item in order, the same answers a single
// create gives, one bad item never sinking the others, and the plan limit
// holding across the batch and against concurrent single creates.
import { describe, expect, it } from "vitest";
import { buildTestApp, resetDatabaseBeforeEach, testDb } from "../../helpers/build-test-app.js";
import { createUser, type TestUser } from "../../helpers/factories.js";
import { whileInsertsRefused } from "../../helpers/refused-inserts.js";

const app = await buildTestApp();
const db = testDb();
resetDatabaseBeforeEach(db);

const bulk = (user: TestUser, urls: unknown) =>
  app.inject({ method: "POST", url: "/api/urls/bulk", headers: user.headers, payload: { urls } });
const linkCount = async () => (await db.query("SELECT count(*)::int AS n FROM links")).rows[0].n as number;

describe("POST /api/urls/bulk", () => {
  it("answers each item as a single create would, in order, creating only the good ones", async () => {
    const user = await createUser(app);
    await db.query("UPDATE users SET plan = 'pro'");
    await app.inject({
      method: "POST",
      url: "/api/urls",
      headers: user.headers,
      payload: { long_url: "https://example.com/taken", custom_code: "taken1" },
    });
    const res = await bulk(user, [
      { long_url: "https://example.com/a" },
      { long_url: "not a url" },
      { long_url: "https://example.com/b", custom_code: "taken1" },
      { long_url: "https://example.com/c", custom_code: "mine-1", max_clicks: 5 },
      { long_url: "https://example.com/d", expires_at: "2020-01-01T00:00:00Z" },
      "just a string",
      { long_url: "https://example.com/e", expires_at: "9999-12-31T23:00:00-23:00" },
    ]);
    expect(res.statusCode).toBe(200);
    const { results } = res.json();
    expect(results.map((r: { status: number }) => r.status)).toEqual([201, 422, 409, 201, 422, 422, 422]);
    expect(results[6].detail[0]).toMatchObject({
      loc: ["body", "urls", 6, "expires_at"],
      msg: "must not be later than 9999-12-31T23:59:59.999Z",
    });
    expect(results[0].url).toMatchObject({ long_url: "https://example.com/a", is_active: true, short_code: expect.any(String) });
    expect(results[1].detail[0].loc).toEqual(["body", "urls", 1, "long_url"]);
    expect(results[2]).toEqual({ status: 409, detail: "Short code already in use" });
    expect(results[3].url.short_code).toBe("mine-1");
    expect(results[4].detail[0].loc).toEqual(["body", "urls", 4, "expires_at"]);
    expect(results[5].detail[0].loc).toEqual(["body", "urls", 5]);
    expect(await linkCount()).toBe(3); // taken1, a, mine-1
  });

  it("says which links exist when the database fails part-way: fails the batch only while none was created", async () => {
    const user = await createUser(app);
    await db.query("UPDATE users SET plan = 'pro'");
    await whileInsertsRefused(db, "links", "NEW.long_url LIKE '%/fails'", async () => {
      const first = await bulk(user, [{ long_url: "https://example.com/fails" }, { long_url: "https://example.com/ok" }]);
      expect(first.statusCode).toBe(500);
      expect(first.json()).toEqual({ detail: "Internal Server Error" });
      expect(await linkCount()).toBe(0);
      const res = await bulk(user, [
        { long_url: "https://example.com/a" },
        { long_url: "not a url" },
        { long_url: "https://example.com/fails" },
        { long_url: "https://example.com/b" },
      ]);
      expect(res.statusCode).toBe(200);
      const { results } = res.json();
      expect(results.map((r: { status: number }) => r.status)).toEqual([201, 422, 500, 500]);
      expect(results[3]).toEqual({ status: 500, detail: "Internal Server Error" });
      expect(await linkCount()).toBe(1);
    });
  });

  it("takes 1 to 100 items, and refuses the whole request otherwise with the contract's 422", async () => {
    const user = await createUser(app);
    for (const urls of [[], Array.from({ length: 101 }, (_, i) => ({ long_url: `https://example.com/${i}` })), "nope"]) {
      const res = await bulk(user, urls);
      expect(res.statusCode).toBe(422);
      expect(res.json().detail[0].loc).toEqual(["body", "urls"]);
    }
    expect(await linkCount()).toBe(0);
  });

  it("keeps the free plan's limit across the batch: one slot left gives one 201 and 403s", async () => {
    const user = await createUser(app);
    for (const i of [1, 2])
      await app.inject({ method: "POST", url: "/api/urls", headers: user.headers, payload: { long_url: `https://example.com/${i}` } });
    const res = await bulk(user, [
      { long_url: "https://example.com/x" },
      { long_url: "https://example.com/y" },
      { long_url: "https://example.com/z" },
    ]);
    expect(res.json().results).toEqual([
      { status: 201, url: expect.any(Object) },
      { status: 403, detail: "Free plan limit: You can only create up to 3 URLs" },
      { status: 403, detail: "Free plan limit: You can only create up to 3 URLs" },
    ]);
    expect(await linkCount()).toBe(3);
  });

  it("keeps the plan limit when a batch races single creates", async () => {
    const user = await createUser(app);
    const [batch, ...singles] = await Promise.all([
      bulk(
        user,
        Array.from({ length: 5 }, (_, i) => ({ long_url: `https://example.com/bulk-${i}` })),
      ),
      ...Array.from({ length: 5 }, (_, i) =>
        app.inject({ method: "POST", url: "/api/urls", headers: user.headers, payload: { long_url: `https://example.com/single-${i}` } }),
      ),
    ]);
    const created =
      batch!.json().results.filter((r: { status: number }) => r.status === 201).length + singles.filter((r) => r.statusCode === 201).length;
    expect(created).toBe(3);
    expect(await linkCount()).toBe(3);
  });
});

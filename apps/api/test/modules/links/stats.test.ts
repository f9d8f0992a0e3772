import { describe, expect, it } from "vitest";
import { buildTestApp, resetDatabaseBeforeEach, testDb } from "../../helpers/build-test-app.js";
import { BROWSER, createLink, createUser } from "../../helpers/factories.js";

const app = await buildTestApp();
const db = testDb();
resetDatabaseBeforeEach(db);

const stats = (code: string, headers: Record<string, string> = {}) => app.inject({ url: `/api/urls/${code}/stats`, headers });

describe("GET /api/urls/:short_code/stats", () => {
  it("counts clicks by UTC day", async () => {
    const user = await createUser(app);
    const link = await createLink(app, user, { long_url: "https://example.com/very/long/url/path" });
    const { rows } = await db.query("SELECT id FROM links WHERE code = $1", [link.short_code]);
    const linkId = rows[0].id;
    // Through the click pipeline, at chosen times: 23:30 at UTC-5 on the 10th is already the 11th in UTC.
    for (const at of ["2026-01-10T01:00:00Z", "2026-01-10T23:59:59Z", "2026-01-10T23:30:00-05:00", "2026-01-11T12:00:00Z"]) {
      app.clickRecorder.record({
        linkId,
        userId: user.id,
        code: link.short_code,
        clickedAt: new Date(at),
        referrer: null,
        userAgent: null,
        ip: null,
      });
    }
    await app.inject({ url: `/${link.short_code}`, headers: BROWSER });
    await app.clickRecorder.flush();
    const today = new Date().toISOString().slice(0, 10);

    const res = await stats(link.short_code, user.headers);
    expect(res.statusCode).toBe(200);
    // The raw rows and the daily counters agree.
    expect((await db.query("SELECT count(*)::int AS n FROM clicks")).rows[0].n).toBe(5);
    expect(res.json()).toEqual({
      short_code: link.short_code,
      long_url: "https://example.com/very/long/url/path",
      total_clicks: 5,
      by_date: { "2026-01-10": 2, "2026-01-11": 2, [today]: 1 },
    });
  });

  it("answers a link without clicks with zero and an empty by_date", async () => {
    const user = await createUser(app);
    const link = await createLink(app, user);
    const res = await stats(link.short_code, user.headers);
    expect(res.json()).toMatchObject({ total_clicks: 0, by_date: {} });
  });

  it("answers 401 without a token", async () => {
    const user = await createUser(app);
    const link = await createLink(app, user);
    const res = await stats(link.short_code);
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ detail: "Could not validate credentials" });
  });

  it("answers 404 for an unknown code, another user's link and a disabled link", async () => {
    const owner = await createUser(app);
    const stranger = await createUser(app);
    const link = await createLink(app, owner);
    for (const [code, headers] of [
      ["Nope123", owner.headers],
      [link.short_code, stranger.headers],
    ] as const) {
      const res = await stats(code, headers);
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual({ detail: "Short URL not found" });
    }
    await db.query("UPDATE links SET is_active = false");
    expect((await stats(link.short_code, owner.headers)).statusCode).toBe(404);
  });

  it("answers 410 for an expired link and one that used all its clicks", async () => {
    const user = await createUser(app);
    const expired = await createLink(app, user);
    const used = await createLink(app, user, { max_clicks: 1 });
    await db.query("UPDATE links SET expires_at = now() - interval '1 minute' WHERE code = $1", [expired.short_code]);
    expect((await app.inject({ url: `/${used.short_code}`, headers: BROWSER })).statusCode).toBe(302);
    for (const code of [expired.short_code, used.short_code]) {
      const res = await stats(code, user.headers);
      expect(res.statusCode).toBe(410);
      expect(res.json()).toEqual({ detail: "Short URL has expired or reached its click limit" });
    }
  });

  it("answers 422 for a malformed code", async () => {
    const user = await createUser(app);
    for (const code of ["ab", "bad.code", "x".repeat(33)]) {
      const res = await stats(code, user.headers);
      expect(res.statusCode).toBe(422);
      expect(res.json()).toEqual({ detail: "Invalid short code format" });
    }
  });
});

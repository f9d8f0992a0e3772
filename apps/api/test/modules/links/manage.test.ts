import { describe, expect, it } from "vitest";
import { buildTestApp, resetDatabaseBeforeEach, testDb } from "../../helpers/build-test-app.js";
import { BROWSER, createLink, createUser } from "../../helpers/factories.js";

const app = await buildTestApp();
const db = testDb();
resetDatabaseBeforeEach(db);

describe("GET /api/urls", () => {
  it("lists only the caller's links, newest first, with clicks and state", async () => {
    const user = await createUser(app);
    const other = await createUser(app);
    const first = await createLink(app, user);
    const second = await createLink(app, user, { max_clicks: 1 });
    await createLink(app, other);
    await app.inject({ url: `/${second.short_code}`, headers: BROWSER });
    await app.clickRecorder.flush();

    const res = await app.inject({ url: "/api/urls", headers: user.headers });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ total: 2, limit: 20, offset: 0 });
    expect(body.items.map((i: { short_code: string }) => i.short_code)).toEqual([second.short_code, first.short_code]);
    expect(body.items[0]).toMatchObject({ total_clicks: 1, max_clicks: 1, state: "limit_reached" });
    expect(body.items[1]).toMatchObject({ total_clicks: 0, max_clicks: null, state: "active" });
  });

  it("paginates with limit and offset, and validates them", async () => {
    const user = await createUser(app);
    await db.query("UPDATE users SET plan = 'pro' WHERE id = $1", [user.id]);
    for (let i = 0; i < 5; i++) await createLink(app, user);
    const page = await app.inject({ url: "/api/urls?limit=2&offset=4", headers: user.headers });
    expect(page.json()).toMatchObject({ total: 5, limit: 2, offset: 4 });
    expect(page.json().items).toHaveLength(1);
    const bad = await app.inject({ url: "/api/urls?limit=1000", headers: user.headers });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().detail[0].loc).toEqual(["query", "limit"]);
    // Decimal digits only: not what Number() would also take.
    for (const query of ["limit=0x10", "limit=1e1", "offset=%205", "offset=", "offset=-0", "limit=2.0"]) {
      const res = await app.inject({ url: `/api/urls?${query}`, headers: user.headers });
      expect(res.statusCode, query).toBe(422);
      expect(res.json().detail[0].loc, query).toEqual(["query", query.slice(0, query.indexOf("="))]);
      expect(res.json().detail[0].msg, query).toBe("value is not a valid integer");
    }
    // Out of range is worded as its bound, not as "not a valid integer".
    for (const [query, msg] of [
      ["limit=0", "ensure this value is greater than or equal to 1"],
      ["limit=101", "ensure this value is less than or equal to 100"],
    ]) {
      const res = await app.inject({ url: `/api/urls?${query}`, headers: user.headers });
      expect(res.json().detail, query).toEqual([
        { loc: ["query", "limit"], msg, type: expect.stringMatching(/^value_error\.number\.not_[gl]e$/) },
      ]);
    }
    for (const id of ["1e2", "0x1", "3000000000"]) {
      const res = await app.inject({ method: "DELETE", url: `/api/keys/${id}`, headers: user.headers });
      expect(res.statusCode, id).toBe(422);
      expect(res.json().detail[0].loc).toEqual(["path", "id"]);
    }
  });

  it("answers 401 without a token", async () => {
    const res = await app.inject({ url: "/api/urls" });
    expect(res.statusCode).toBe(401);
  });
});

describe("GET/PATCH/DELETE /api/urls/:short_code", () => {
  it("gets one link in any state", async () => {
    const user = await createUser(app);
    const link = await createLink(app, user);
    await db.query("UPDATE links SET is_active = false");
    const res = await app.inject({ url: `/api/urls/${link.short_code}`, headers: user.headers });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ short_code: link.short_code, state: "disabled", is_active: false });
  });

  it("changes destination, state, expiry and click limit", async () => {
    const user = await createUser(app);
    const link = await createLink(app, user);
    const expires = new Date(Date.now() + 3_600_000).toISOString();
    const res = await app.inject({
      method: "PATCH",
      url: `/api/urls/${link.short_code}`,
      headers: user.headers,
      payload: { long_url: "https://example.org/new", is_active: false, expires_at: expires, max_clicks: 7 },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      long_url: "https://example.org/new",
      is_active: false,
      expires_at: expires,
      max_clicks: 7,
      state: "disabled",
    });
    const { rows } = await db.query("SELECT long_url, is_active, max_clicks FROM links");
    expect(rows[0]).toEqual({ long_url: "https://example.org/new", is_active: false, max_clicks: 7 });

    const cleared = await app.inject({
      method: "PATCH",
      url: `/api/urls/${link.short_code}`,
      headers: user.headers,
      payload: { is_active: true, expires_at: null, max_clicks: null },
    });
    expect(cleared.json()).toMatchObject({ is_active: true, expires_at: null, max_clicks: null, state: "active" });
  });

  it("validates PATCH bodies and keeps the stored link unchanged", async () => {
    const user = await createUser(app);
    const link = await createLink(app, user, { long_url: "https://example.com/keep" });
    for (const payload of [{ long_url: "javascript:alert(1)" }, { max_clicks: 0 }, { unknown_field: 1 }, { is_active: "yes" }]) {
      const res = await app.inject({ method: "PATCH", url: `/api/urls/${link.short_code}`, headers: user.headers, payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(422);
    }
    const { rows } = await db.query("SELECT long_url, is_active, max_clicks FROM links");
    expect(rows[0]).toEqual({ long_url: "https://example.com/keep", is_active: true, max_clicks: null });
  });

  it("deletes a link and its clicks", async () => {
    const user = await createUser(app);
    const link = await createLink(app, user);
    await app.inject({ url: `/${link.short_code}` });
    await app.clickRecorder.flush();
    const res = await app.inject({ method: "DELETE", url: `/api/urls/${link.short_code}`, headers: user.headers });
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe("");
    expect((await db.query("SELECT count(*)::int AS n FROM links")).rows[0].n).toBe(0);
    expect((await db.query("SELECT count(*)::int AS n FROM clicks")).rows[0].n).toBe(0);
    const again = await app.inject({ method: "DELETE", url: `/api/urls/${link.short_code}`, headers: user.headers });
    expect(again.statusCode).toBe(404);
    const visit = await app.inject({ url: `/${link.short_code}` });
    expect(visit.statusCode).toBe(404);
  });

  it("answers a PATCH or DELETE that loses a race with a DELETE 404, never 500, and deletes once", async () => {
    const user = await createUser(app);
    for (let round = 0; round < 3; round++) {
      const link = await createLink(app, user, { tags: ["x"] });
      const url = `/api/urls/${link.short_code}`;
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          i % 2 === 0
            ? app.inject({ method: "DELETE", url, headers: user.headers })
            : app.inject({ method: "PATCH", url, headers: user.headers, payload: { tags: ["y"], max_clicks: 3 } }),
        ),
      );
      const deletes = answers.filter((_, i) => i % 2 === 0).map((r) => r.statusCode);
      const patches = answers.filter((_, i) => i % 2 === 1);
      expect(deletes.filter((s) => s === 204)).toHaveLength(1);
      expect(deletes.filter((s) => s !== 204).every((s) => s === 404)).toBe(true);
      for (const res of patches) {
        expect([200, 404], res.body).toContain(res.statusCode);
        if (res.statusCode === 404) expect(res.json()).toEqual({ detail: "Short URL not found" });
      }
    }
    expect((await db.query("SELECT count(*)::int AS n FROM links")).rows[0].n).toBe(0);
  });

  it("accepts a DELETE that carries the SPA's JSON content type and no body", async () => {
    const user = await createUser(app);
    const link = await createLink(app, user);
    const res = await app.inject({
      method: "DELETE",
      url: `/api/urls/${link.short_code}`,
      headers: { ...user.headers, "content-type": "application/json" },
    });
    expect(res.statusCode).toBe(204);
    expect((await db.query("SELECT count(*)::int AS n FROM links")).rows[0].n).toBe(0);
  });

  it("treats another user's link as missing for every verb", async () => {
    const owner = await createUser(app);
    const stranger = await createUser(app);
    const link = await createLink(app, owner);
    for (const method of ["GET", "PATCH", "DELETE"] as const) {
      const res = await app.inject({
        method,
        url: `/api/urls/${link.short_code}`,
        headers: stranger.headers,
        ...(method === "PATCH" ? { payload: { is_active: false } } : {}),
      });
      expect(res.statusCode, method).toBe(404);
      expect(res.json()).toEqual({ detail: "Short URL not found" });
    }
    const { rows } = await db.query("SELECT is_active FROM links");
    expect(rows).toEqual([{ is_active: true }]);
  });
});

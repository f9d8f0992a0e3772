import { describe, expect, it } from "vitest";
import { buildTestApp, resetDatabaseBeforeEach, testDb } from "../../helpers/build-test-app.js";
import { createLink, createUser } from "../../helpers/factories.js";

const app = await buildTestApp();
const db = testDb();
resetDatabaseBeforeEach(db);

const create = (headers: Record<string, string>, payload: object) => app.inject({ method: "POST", url: "/api/urls", headers, payload });
const linkCount = async () => (await db.query("SELECT count(*)::int AS n FROM links")).rows[0].n as number;

describe("POST /api/urls", () => {
  it("answers 201 with the contract's body and a 7-character base62 code", async () => {
    const user = await createUser(app);
    const res = await create(user.headers, { long_url: "https://example.com/very/long/url/path" });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(Object.keys(body).sort()).toEqual(["created_at", "expires_at", "is_active", "long_url", "short_code"]);
    expect(body).toMatchObject({ long_url: "https://example.com/very/long/url/path", expires_at: null, is_active: true });
    expect(body.short_code).toMatch(/^[0-9A-Za-z]{7}$/);
    const { rows } = await db.query("SELECT code, long_url, user_id FROM links");
    expect(rows).toEqual([{ code: body.short_code, long_url: "https://example.com/very/long/url/path", user_id: user.id }]);
  });

  it("answers 401 without a token and stores nothing", async () => {
    const res = await create({}, { long_url: "https://example.com" });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ detail: "Could not validate credentials" });
    expect(await linkCount()).toBe(0);
  });

  it("stops a free user at 3 links with the contract's 403", async () => {
    const user = await createUser(app);
    for (let i = 0; i < 3; i++) await createLink(app, user);
    const res = await create(user.headers, { long_url: "https://example.com/4" });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toEqual({ detail: "Free plan limit: You can only create up to 3 URLs" });
    expect(await linkCount()).toBe(3);
  });

  it("holds the plan limit under 10 parallel creates: exactly three 201s", async () => {
    const user = await createUser(app);
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => create(user.headers, { long_url: `https://example.com/${i}` })));
    const statuses = results.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([201, 201, 201, 403, 403, 403, 403, 403, 403, 403]);
    expect(await linkCount()).toBe(3);
  });

  it("frees a slot when a link is deleted, and does not limit the pro plan", async () => {
    const user = await createUser(app);
    const links = [await createLink(app, user), await createLink(app, user), await createLink(app, user)];
    await app.inject({ method: "DELETE", url: `/api/urls/${links[0]!.short_code}`, headers: user.headers });
    await createLink(app, user);
    await db.query("UPDATE users SET plan = 'pro' WHERE id = $1", [user.id]);
    for (let i = 0; i < 3; i++) await createLink(app, user);
    expect(await linkCount()).toBe(6);
  });

  it("accepts a custom code, expiry and click limit", async () => {
    const user = await createUser(app);
    const expires = new Date(Date.now() + 86_400_000).toISOString();
    const res = await create(user.headers, {
      long_url: "https://example.com",
      custom_code: "my-Launch_2026",
      expires_at: expires,
      max_clicks: 10,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ short_code: "my-Launch_2026", expires_at: expires, long_url: "https://example.com/" });
    const { rows } = await db.query("SELECT max_clicks FROM links WHERE code = 'my-Launch_2026'");
    expect(rows[0].max_clicks).toBe(10);
  });

  it("answers 409 for a custom code already in use", async () => {
    const alice = await createUser(app);
    const bob = await createUser(app);
    await createLink(app, alice, { custom_code: "launch" });
    const res = await create(bob.headers, { long_url: "https://example.com", custom_code: "launch" });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toEqual({ detail: "Short code already in use" });
    expect(await linkCount()).toBe(1);
  });

  it.each([
    ["reserved", "dashboard", "value_error.reserved"],
    ["reserved in another case", "API", "value_error.reserved"],
    ["too short", "ab", "value_error.str.regex"],
    ["with a slash", "a/b/c", "value_error.str.regex"],
    ["with a dot", "file.txt", "value_error.str.regex"],
    ["too long", "x".repeat(33), "value_error.str.regex"],
  ])("answers 422 for a custom code %s", async (_name, code, type) => {
    const user = await createUser(app);
    const res = await create(user.headers, { long_url: "https://example.com", custom_code: code });
    expect(res.statusCode).toBe(422);
    expect(res.json().detail).toEqual([{ loc: ["body", "custom_code"], msg: expect.any(String), type }]);
  });

  it.each([
    ["javascript:", "javascript:alert(1)", "value_error.url.scheme"],
    ["data:", "data:text/html,<script>alert(1)</script>", "value_error.url.scheme"],
    ["file:", "file:///etc/passwd", "value_error.url.scheme"],
    ["ftp:", "ftp://example.com/file", "value_error.url.scheme"],
    ["no scheme", "example.com/path", "value_error.url.scheme"],
    ["no host", "http://", "value_error.url"],
    ["over 2048 characters", `https://example.com/${"a".repeat(2040)}`, "value_error.any_str.max_length"],
    ["this service's own host", "http://sho.rt/abc1234", "value_error.url.host"],
  ])("answers 422 for a %s URL", async (_name, longUrl, type) => {
    const user = await createUser(app);
    const res = await create(user.headers, { long_url: longUrl });
    expect(res.statusCode).toBe(422);
    expect(res.json().detail).toEqual([{ loc: ["body", "long_url"], msg: expect.any(String), type }]);
    expect(await linkCount()).toBe(0);
  });

  it("gives the contract's message for a missing scheme", async () => {
    const user = await createUser(app);
    const res = await create(user.headers, { long_url: "not a url" });
    expect(res.json()).toEqual({
      detail: [{ loc: ["body", "long_url"], msg: "invalid or missing URL scheme", type: "value_error.url.scheme" }],
    });
  });

  it("rejects a URL pointing at the host the request came in on", async () => {
    const user = await createUser(app);
    const res = await app.inject({
      method: "POST",
      url: "/api/urls",
      headers: { ...user.headers, host: "links.example.org" },
      payload: { long_url: "https://LINKS.example.org/x" },
    });
    expect(res.statusCode).toBe(422);
    // The same host written as DNS's absolute name, with its trailing dot.
    const absolute = await app.inject({
      method: "POST",
      url: "/api/urls",
      headers: { ...user.headers, host: "links.example.org" },
      payload: { long_url: "https://links.example.org./x" },
    });
    expect(absolute.statusCode).toBe(422);
    expect(absolute.json().detail[0]).toMatchObject({ loc: ["body", "long_url"], type: "value_error.url.host" });
    expect((await db.query("SELECT count(*)::int AS n FROM links")).rows[0].n).toBe(0);
  });

  it("answers 422 for an expiry in the past or past year 9999 and a click limit below 1", async () => {
    const user = await createUser(app);
    const past = await create(user.headers, { long_url: "https://example.com", expires_at: "2020-01-01T00:00:00Z" });
    expect(past.statusCode).toBe(422);
    expect(past.json().detail[0]).toMatchObject({ loc: ["body", "expires_at"] });
    const zero = await create(user.headers, { long_url: "https://example.com", max_clicks: 0 });
    expect(zero.statusCode).toBe(422);
    expect(zero.json().detail[0]).toMatchObject({ loc: ["body", "max_clicks"], type: "value_error.number.not_ge" });
    const fractional = await create(user.headers, { long_url: "https://example.com", max_clicks: 1.5 });
    expect(fractional.statusCode).toBe(422);
    const notADate = await create(user.headers, { long_url: "https://example.com", expires_at: "tomorrow" });
    expect(notADate.statusCode).toBe(422);
    // Valid ISO 8601, but year 10000 in UTC: refused as input, not failed in storage.
    const tooLate = await create(user.headers, { long_url: "https://example.com", expires_at: "9999-12-31T23:00:00-23:00" });
    expect(tooLate.statusCode).toBe(422);
    expect(tooLate.json().detail[0]).toMatchObject({ loc: ["body", "expires_at"] });
    const latest = await create(user.headers, { long_url: "https://example.com", expires_at: "9999-12-31T23:59:59.999Z" });
    expect(latest.statusCode).toBe(201);
    expect(latest.json().expires_at).toBe("9999-12-31T23:59:59.999Z");
    expect(await linkCount()).toBe(1);
  });
});

// API keys: created once, stored hashed, usable wherever an access token is
// for links, stats, analytics and /api/me, never for keys, sessions or the
// account, and refused at once on every instance when revoked or expired.
import { createHash } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { describe, expect, it } from "vitest";
import { buildTestApp, resetDatabaseBeforeEach, testConfig, testDb } from "../../helpers/build-test-app.js";
import { createUser, type TestUser } from "../../helpers/factories.js";
import { reachableRedisUrl } from "../../helpers/redis.js";

const redisUrl = await reachableRedisUrl();
const app = await buildTestApp({ redisUrl });
const other = await buildTestApp({ redisUrl }); // a second instance on the same database
const db = testDb();
resetDatabaseBeforeEach(db);

const NOT_AUTHENTICATED = { detail: "Could not validate credentials" };

async function createKey(on: FastifyInstance, user: TestUser, body: Record<string, unknown> = { name: "ci script" }) {
  return on.inject({ method: "POST", url: "/api/keys", headers: user.headers, payload: body });
}
const withKey = (key: string) => ({ authorization: `Bearer ${key}` });

describe("creating and listing keys", () => {
  it("answers 201 with the key once, stores only its hash, and lists it without the key", async () => {
    const user = await createUser(app);
    const res = await createKey(app, user, { name: "  deploy bot  " });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toEqual({
      id: expect.any(Number),
      name: "deploy bot",
      prefix: created.key.slice(0, 12),
      key: expect.stringMatching(/^shortly_[0-9A-Za-z]{40}$/),
      created_at: expect.any(String),
      expires_at: null,
      last_used_at: null,
    });
    const { rows } = await db.query("SELECT key_hash, prefix FROM api_keys WHERE id = $1", [created.id]);
    expect(rows[0].key_hash).toBe(createHash("sha256").update(created.key).digest("hex"));
    expect(JSON.stringify(rows)).not.toContain(created.key);

    const second = (await createKey(app, user, { name: "second" })).json();
    const list = await app.inject({ url: "/api/keys", headers: user.headers });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((k: { id: number }) => k.id)).toEqual([second.id, created.id]);
    expect(list.body).not.toContain(created.key);
    expect(list.json().items[0]).not.toHaveProperty("key");
  });

  it("validates the name and a future expiry with the contract's 422", async () => {
    const user = await createUser(app);
    for (const [body, loc] of [
      [{ name: "" }, ["body", "name"]],
      [{ name: "x".repeat(65) }, ["body", "name"]],
      [{ name: "ok", expires_at: "2020-01-01T00:00:00Z" }, ["body", "expires_at"]],
      [{ name: "ok", expires_at: "soon" }, ["body", "expires_at"]],
      // Year 9999 in its own offset, year 10000 in UTC: nothing could store it.
      [{ name: "ok", expires_at: "9999-12-31T23:00:00-23:00" }, ["body", "expires_at"]],
      [{ name: "ok", extra: 1 }, ["body"]],
    ] as const) {
      const res = await createKey(app, user, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(422);
      expect(res.json().detail[0].loc).toEqual(loc);
    }
    expect((await db.query("SELECT count(*)::int AS n FROM api_keys")).rows[0].n).toBe(0);
    // null means no expiry, as on links.
    const forever = await createKey(app, user, { name: "forever", expires_at: null });
    expect(forever.statusCode).toBe(201);
    expect(forever.json().expires_at).toBeNull();
  });

  it("allows at most 20 live keys, also when 25 are created at once", async () => {
    const user = await createUser(app);
    const results = await Promise.all(Array.from({ length: 25 }, (_, i) => createKey(i % 2 ? app : other, user, { name: `k${i}` })));
    const statuses = results.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 201)).toHaveLength(20);
    expect(statuses.filter((s) => s === 403)).toHaveLength(5);
    expect(results.find((r) => r.statusCode === 403)!.json()).toEqual({
      detail: "API key limit reached: revoke a key before creating another (at most 20)",
    });
    expect((await db.query("SELECT count(*)::int AS n FROM api_keys")).rows[0].n).toBe(20);
  });
});

describe("using a key", () => {
  it("works like an access token for links, stats, analytics and /api/me", async () => {
    const user = await createUser(app);
    const { key } = (await createKey(app, user)).json();
    const me = await app.inject({ url: "/api/me", headers: withKey(key) });
    expect(me.statusCode).toBe(200);
    expect(me.json().email).toBe(user.email);
    const created = await app.inject({
      method: "POST",
      url: "/api/urls",
      headers: withKey(key),
      payload: { long_url: "https://example.com/by-key" },
    });
    expect(created.statusCode).toBe(201);
    const code = created.json().short_code;
    expect(
      (await app.inject({ url: "/api/urls", headers: withKey(key) })).json().items.map((l: { short_code: string }) => l.short_code),
    ).toEqual([code]);
    expect((await app.inject({ url: `/api/urls/${code}/stats`, headers: withKey(key) })).statusCode).toBe(200);
    expect((await app.inject({ url: `/api/urls/${code}/analytics?range=7d`, headers: withKey(key) })).statusCode).toBe(200);
    expect((await app.inject({ url: "/api/analytics/dashboard?range=7d", headers: withKey(key) })).statusCode).toBe(200);
    // The scheme's name is case-insensitive, for keys as for access tokens.
    for (const scheme of ["bearer", "BEARER"]) {
      const res = await app.inject({ url: "/api/me", headers: { authorization: `${scheme} ${key}` } });
      expect(res.statusCode, scheme).toBe(200);
      const keys = await app.inject({ url: "/api/keys", headers: { authorization: `${scheme} ${key}` } });
      expect(keys.statusCode, scheme).toBe(403);
    }
  });

  it("cannot manage keys, sessions or the account", async () => {
    const user = await createUser(app);
    const { key, id } = (await createKey(app, user)).json();
    const refused = [
      await app.inject({ url: "/api/keys", headers: withKey(key) }),
      await app.inject({ method: "POST", url: "/api/keys", headers: withKey(key), payload: { name: "escalate" } }),
      await app.inject({ method: "DELETE", url: `/api/keys/${id}`, headers: withKey(key) }),
      await app.inject({ method: "POST", url: "/api/auth/logout", headers: withKey(key) }),
      await app.inject({ method: "POST", url: "/api/auth/logout-all", headers: withKey(key) }),
    ];
    for (const res of refused) {
      expect(res.statusCode).toBe(403);
      expect(res.json()).toEqual({ detail: "API keys cannot do this" });
    }
    expect((await db.query("SELECT count(*)::int AS n FROM api_keys")).rows[0].n).toBe(1);
    // The person's sessions are untouched.
    expect((await app.inject({ url: "/api/me", headers: user.headers })).statusCode).toBe(200);
  });

  it("refuses an unknown, a revoked (on another instance, at once) and an expired key with the contract's 401", async () => {
    const user = await createUser(app);
    const unknown = await app.inject({ url: "/api/me", headers: withKey(`shortly_${"A".repeat(40)}`) });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json()).toEqual(NOT_AUTHENTICATED);

    const { key, id } = (await createKey(app, user)).json();
    expect((await other.inject({ url: "/api/me", headers: withKey(key) })).statusCode).toBe(200);
    expect((await app.inject({ method: "DELETE", url: `/api/keys/${id}`, headers: user.headers })).statusCode).toBe(204);
    const revoked = await other.inject({ url: "/api/me", headers: withKey(key) });
    expect(revoked.statusCode).toBe(401);
    expect(revoked.json()).toEqual(NOT_AUTHENTICATED);

    const soon = (await createKey(app, user, { name: "short-lived", expires_at: new Date(Date.now() + 1500).toISOString() })).json();
    expect((await app.inject({ url: "/api/me", headers: withKey(soon.key) })).statusCode).toBe(200);
    await new Promise((r) => setTimeout(r, 1600));
    expect((await app.inject({ url: "/api/me", headers: withKey(soon.key) })).statusCode).toBe(401);
  });

  it("refuses a key whose account was disabled", async () => {
    const user = await createUser(app);
    const { key } = (await createKey(app, user)).json();
    await db.query("UPDATE users SET is_active = false WHERE id = $1", [user.id]);
    expect((await app.inject({ url: "/api/me", headers: withKey(key) })).statusCode).toBe(401);
  });

  it("keeps last_used_at to the minute without a write per request", async () => {
    const user = await createUser(app);
    const { key, id } = (await createKey(app, user)).json();
    for (let i = 0; i < 5; i++) expect((await app.inject({ url: "/api/me", headers: withKey(key) })).statusCode).toBe(200);
    const first = (await db.query("SELECT last_used_at FROM api_keys WHERE id = $1", [id])).rows[0].last_used_at as Date;
    expect(first).toBeInstanceOf(Date);
    expect(Date.now() - first.getTime()).toBeLessThan(60_000);
    // Used again within the minute, on either instance: not written again.
    await app.inject({ url: "/api/me", headers: withKey(key) });
    await other.inject({ url: "/api/me", headers: withKey(key) });
    expect((await db.query("SELECT last_used_at FROM api_keys WHERE id = $1", [id])).rows[0].last_used_at).toEqual(first);
    const listed = (await app.inject({ url: "/api/keys", headers: user.headers })).json().items[0];
    expect(listed.last_used_at).toBe(first.toISOString());
  });

  it("answers 404 for another user's key id or an unknown one", async () => {
    const owner = await createUser(app);
    const stranger = await createUser(app);
    const { id, key } = (await createKey(app, owner)).json();
    for (const target of [id, 999_999]) {
      const res = await app.inject({ method: "DELETE", url: `/api/keys/${target}`, headers: stranger.headers });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual({ detail: "API key not found" });
    }
    expect((await app.inject({ url: "/api/me", headers: withKey(key) })).statusCode).toBe(200);
  });
});

describe("the per-key rate limit", () => {
  it("answers 429 with Retry-After past the key's budget, shared between instances", async () => {
    const rateLimits = { ...testConfig().rateLimits, enabled: true, apiKeyPerMinute: 3 };
    const limited = await buildTestApp({ redisUrl, rateLimits });
    const limitedOther = await buildTestApp({ redisUrl, rateLimits });
    // A key id no earlier run used: Redis keeps counts for a minute.
    await db.query("SELECT setval('api_keys_id_seq', 100000 + floor(random() * 1000000)::int)");
    const user = await createUser(app);
    const { key } = (await createKey(app, user)).json();
    const statuses = [];
    for (const on of [limited, limitedOther, limited, limitedOther])
      statuses.push((await on.inject({ url: "/api/me", headers: withKey(key) })).statusCode);
    expect(statuses).toEqual(redisUrl ? [200, 200, 200, 429] : [200, 200, 200, 200]);
    if (redisUrl) {
      const res = await limited.inject({ url: "/api/me", headers: withKey(key) });
      expect(res.statusCode).toBe(429);
      expect(Number(res.headers["retry-after"])).toBeGreaterThan(0);
      expect(res.json().detail).toMatch(/^Too many attempts/);
    }
  });
});

// Admins see every account and change its plan or disable it; disabling holds
// on a second instance at once: tokens, logins, sessions, keys and links.
import { describe, expect, it } from "vitest";
import { resetDatabaseBeforeEach, testDb } from "../../helpers/build-test-app.js";
import { BROWSER, createLink, createUser } from "../../helpers/factories.js";
import { BROWSER_ACCEPT, listeningApp } from "../../helpers/listening-app.js";
import { reachableRedisUrl } from "../../helpers/redis.js";

const redisUrl = await reachableRedisUrl();
const first = await listeningApp({ redisUrl });
const second = await listeningApp({ redisUrl });
const db = testDb();
resetDatabaseBeforeEach(db);

async function createAdmin() {
  const admin = await createUser(first.app);
  await db.query("UPDATE users SET role = 'admin' WHERE id = $1", [admin.id]);
  return admin;
}
const patchUser = (admin: { headers: Record<string, string> }, id: number, payload: object) =>
  first.app.inject({ method: "PATCH", url: `/api/admin/users/${id}`, headers: admin.headers, payload });

describe("admin: users and plans", () => {
  it("lists accounts with their link count, searchable by email, plan and status", async () => {
    const admin = await createAdmin();
    const alice = await createUser(first.app, { email: "alice@example.com" });
    await createUser(first.app, { email: "bob@example.com" });
    await createLink(first.app, alice);
    await createLink(first.app, alice);
    const all = await first.app.inject({ url: "/api/admin/users", headers: admin.headers });
    expect(all.json().total).toBe(3);
    const found = await first.app.inject({ url: "/api/admin/users?q=ALICE", headers: admin.headers });
    expect(found.json()).toMatchObject({
      total: 1,
      items: [{ email: "alice@example.com", link_count: 2, plan: "free", role: "user", is_active: true }],
    });
    expect(found.json().items[0].last_login_at).not.toBeNull();
    await patchUser(admin, alice.id, { is_active: false });
    expect(
      (await first.app.inject({ url: "/api/admin/users?status=disabled", headers: admin.headers }))
        .json()
        .items.map((u: { email: string }) => u.email),
    ).toEqual(["alice@example.com"]);
    const bad = await first.app.inject({ url: "/api/admin/users?plan=gold", headers: admin.headers });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().detail[0].loc).toEqual(["query", "plan"]);
    expect((await patchUser(admin, 999999, { plan: "pro" })).json()).toEqual({ detail: "User not found" });
  });

  it("lifts the plan limit at once when an account moves to pro, and audits it", async () => {
    const admin = await createAdmin();
    const user = await createUser(first.app);
    for (let i = 0; i < 3; i++) await createLink(first.app, user);
    const refused = await first.app.inject({
      method: "POST",
      url: "/api/urls",
      headers: user.headers,
      payload: { long_url: "https://example.com/4" },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toEqual({ detail: "Free plan limit: You can only create up to 3 URLs" });
    const res = await patchUser(admin, user.id, { plan: "pro", reason: "paid invoice 42" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ plan: "pro", link_count: 3 });
    const created = await second.app.inject({
      method: "POST",
      url: "/api/urls",
      headers: user.headers,
      payload: { long_url: "https://example.com/4" },
    });
    expect(created.statusCode).toBe(201);
    const audit = (await first.app.inject({ url: "/api/admin/audit", headers: admin.headers })).json();
    expect(audit.items[0]).toMatchObject({
      actor_email: admin.email,
      action: "user.plan.pro",
      target: user.email,
      reason: "paid invoice 42",
    });
  });

  it("refuses to let an admin disable their own account, so the console cannot lock its last admin out", async () => {
    const admin = await createAdmin();
    const res = await patchUser(admin, admin.id, { is_active: false, reason: "oops" });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toEqual({ detail: "You cannot disable your own account: another administrator must" });
    expect((await db.query("SELECT is_active FROM users WHERE id = $1", [admin.id])).rows[0].is_active).toBe(true);
    expect((await db.query("SELECT count(*)::int AS n FROM audit_log")).rows[0].n).toBe(0);
    expect((await first.app.inject({ url: "/api/me", headers: admin.headers })).statusCode).toBe(200);
    // Their own plan they may change; another admin may disable them.
    expect((await patchUser(admin, admin.id, { plan: "pro" })).statusCode).toBe(200);
    const other = await createAdmin();
    expect((await patchUser(other, admin.id, { is_active: false })).statusCode).toBe(200);
  });

  it("applies a refused update not at all: plan, state, keys and audit log as they were", async () => {
    const admin = await createAdmin();
    const user = await createUser(first.app);
    const key = (await first.app.inject({ method: "POST", url: "/api/keys", headers: user.headers, payload: { name: "k" } })).json().key;
    // JSON's escape for a lone surrogate: no Unicode text, so it can be stored neither as sent nor unchanged.
    const res = await first.app.inject({
      method: "PATCH",
      url: `/api/admin/users/${user.id}`,
      headers: { ...admin.headers, "content-type": "application/json" },
      payload: '{"is_active": false, "plan": "pro", "reason": "spam \\ud800"}',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().detail[0]).toMatchObject({ loc: ["body", "reason"], type: "value_error.str.surrogate" });
    const { rows } = await db.query("SELECT plan, is_active FROM users WHERE id = $1", [user.id]);
    expect(rows[0]).toEqual({ plan: "free", is_active: true });
    expect((await db.query("SELECT count(*)::int AS n FROM audit_log")).rows[0].n).toBe(0);
    expect((await second.app.inject({ url: "/api/me", headers: { authorization: `Bearer ${key}` } })).statusCode).toBe(200);
  });

  it("disabling an account stops its tokens, logins, sessions, keys and links on every instance; enabling restores its links", async () => {
    const admin = await createAdmin();
    const user = await createUser(first.app);
    const link = await createLink(first.app, user, { long_url: "https://example.com/owned" });
    const key = (await first.app.inject({ method: "POST", url: "/api/keys", headers: user.headers, payload: { name: "k" } })).json().key;
    const visit = async (on: typeof first, accept?: string) => {
      const res = await fetch(`${on.url}/${link.short_code}`, {
        redirect: "manual",
        headers: { ...BROWSER, ...(accept ? { accept } : {}) },
      });
      return { status: res.status, body: await res.text() };
    };
    for (const on of [first, second]) expect((await visit(on)).status).toBe(302); // cached on both

    const res = await patchUser(admin, user.id, { is_active: false, reason: "phishing campaign" });
    expect(res.statusCode).toBe(200);
    expect(res.json().is_active).toBe(false);

    // Tokens and keys fail at once, on the other instance too; logins are refused.
    expect((await second.app.inject({ url: "/api/me", headers: user.headers })).statusCode).toBe(401);
    expect((await second.app.inject({ url: "/api/urls", headers: { authorization: `Bearer ${key}` } })).statusCode).toBe(401);
    expect((await db.query("SELECT count(*)::int AS n FROM api_keys")).rows[0].n).toBe(0);
    expect(
      (await db.query("SELECT count(*)::int AS n FROM refresh_tokens WHERE revoked_at IS NULL AND user_id = $1", [user.id])).rows[0].n,
    ).toBe(0);
    const login = await second.app.inject({
      method: "POST",
      url: "/api/auth/login-json",
      payload: { username: user.email, password: user.password },
    });
    expect(login.statusCode).toBe(401);
    expect(login.json()).toEqual({ detail: "Incorrect email or password" });
    // Its links answer 404 everywhere within a second, a page for browsers.
    for (const on of [first, second]) {
      await expect.poll(async () => (await visit(on)).status, { timeout: 1000, interval: 20 }).toBe(404);
      const page = await visit(on, BROWSER_ACCEPT);
      expect(page.body).toContain("There’s no link here");
    }

    await patchUser(admin, user.id, { is_active: true });
    for (const on of [first, second]) await expect.poll(async () => (await visit(on)).status, { timeout: 1000, interval: 20 }).toBe(302);
    const actions = (await first.app.inject({ url: "/api/admin/audit", headers: admin.headers }))
      .json()
      .items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(["user.enable", "user.disable"]);
  });
});

// Everything under /api/admin/* needs an admin's access token: a user's token
// and any API key get 403, no token 401; a revoked role applies at once.
import { describe, expect, it } from "vitest";
import { buildTestApp, resetDatabaseBeforeEach, testDb } from "../../helpers/build-test-app.js";
import { createUser } from "../../helpers/factories.js";

const app = await buildTestApp();
const db = testDb();
resetDatabaseBeforeEach(db);

const ADMIN_ROUTES: Array<[string, string, object?]> = [
  ["GET", "/api/admin/users"],
  ["PATCH", "/api/admin/users/1", { plan: "pro" }],
  ["GET", "/api/admin/links"],
  ["PATCH", "/api/admin/links/abcdef", { blocked: true }],
  ["GET", "/api/admin/blocked-hosts"],
  ["POST", "/api/admin/blocked-hosts", { host: "evil.example" }],
  ["DELETE", "/api/admin/blocked-hosts/evil.example"],
  ["GET", "/api/admin/reports"],
  ["GET", "/api/admin/audit"],
];

async function createAdmin() {
  const admin = await createUser(app);
  await db.query("UPDATE users SET role = 'admin' WHERE id = $1", [admin.id]);
  return admin;
}

describe("admin access", () => {
  it("refuses a user's token (403), an admin's API key (403) and no token (401) on every admin route", async () => {
    const user = await createUser(app);
    const admin = await createAdmin();
    const key = await app.inject({ method: "POST", url: "/api/keys", headers: admin.headers, payload: { name: "script" } });
    expect(key.statusCode).toBe(201);
    const withKey = { authorization: `Bearer ${key.json().key}` };
    // The registered routes and this list agree, so a new admin route cannot skip the check.
    const registered = app.registeredRoutes.filter((r) => r.url.startsWith("/api/admin/") && r.method !== "HEAD");
    expect(new Set(registered.map((r) => `${r.method} ${r.url}`)).size).toBe(ADMIN_ROUTES.length);
    for (const [method, url, payload] of ADMIN_ROUTES) {
      const as = (headers: Record<string, string>) =>
        app.inject({ method: method as "GET", url, headers, ...(payload ? { payload } : {}) });
      const denied = await as(user.headers);
      expect(denied.statusCode, `${method} ${url}`).toBe(403);
      expect(denied.json()).toEqual({ detail: "Admin access required" });
      const byKey = await as(withKey);
      expect(byKey.statusCode, `${method} ${url} with a key`).toBe(403);
      expect(byKey.json()).toEqual({ detail: "Admin access required" });
      const anonymous = await as({});
      expect(anonymous.statusCode).toBe(401);
      expect(anonymous.json()).toEqual({ detail: "Could not validate credentials" });
    }
    expect((await app.inject({ url: "/api/admin/users", headers: admin.headers })).statusCode).toBe(200);
  });

  it("takes the role away at once: the same token is refused after a revoke", async () => {
    const admin = await createAdmin();
    expect((await app.inject({ url: "/api/admin/audit", headers: admin.headers })).statusCode).toBe(200);
    await db.query("UPDATE users SET role = 'user' WHERE id = $1", [admin.id]);
    expect((await app.inject({ url: "/api/admin/audit", headers: admin.headers })).statusCode).toBe(403);
  });

  it("says the role and the plan's link limit on GET /api/me", async () => {
    const admin = await createAdmin();
    const me = await app.inject({ url: "/api/me", headers: admin.headers });
    expect(me.json()).toMatchObject({ role: "admin", plan: "free", link_limit: 3 });
    await db.query("UPDATE users SET plan = 'pro' WHERE id = $1", [admin.id]);
    expect((await app.inject({ url: "/api/me", headers: admin.headers })).json()).toMatchObject({ plan: "pro", link_limit: null });
  });

  it("makes ADMIN_EMAILS' existing accounts admins at start, never an account registered later", async () => {
    const existing = await createUser(app, { email: "ops@example.com" });
    const withAdmins = await buildTestApp({ adminEmails: ["ops@example.com", "boss@example.com"] });
    await withAdmins.ready();
    expect((await withAdmins.inject({ url: "/api/me", headers: existing.headers })).json().role).toBe("admin");
    // Sign-up verifies no email: whoever registers a listed email first must not become an admin.
    const squatter = await createUser(withAdmins, { email: "Boss@Example.com" });
    expect((await withAdmins.inject({ url: "/api/me", headers: squatter.headers })).json().role).toBe("user");
  });
});

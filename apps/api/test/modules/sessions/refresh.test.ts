import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ROTATION_GRACE_MS } from "../../../src/modules/sessions/service.js";
import { buildTestApp, resetDatabaseBeforeEach, testDb } from "../../helpers/build-test-app.js";
import { cookieValue, setCookies } from "../../helpers/cookies.js";
import { createUser } from "../../helpers/factories.js";

const app = await buildTestApp({ trustProxy: ["127.0.0.1"] });
const db = testDb();
resetDatabaseBeforeEach(db);

const EXPIRED = { detail: "Session has expired or was signed out. Please log in again." };

async function login(email: string, password = "correct horse battery", headers: Record<string, string> = {}) {
  const res = await app.inject({ method: "POST", url: "/api/auth/login-json", headers, payload: { username: email, password } });
  expect(res.statusCode).toBe(200);
  return { res, refresh: cookieValue(res, "refresh_token")!, access: res.json().access_token as string };
}

const refresh = (token?: string) =>
  app.inject({ method: "POST", url: "/api/auth/token/refresh", cookies: token ? { refresh_token: token } : {} });

describe("refresh tokens", () => {
  it("login keeps the contract's body and sets an httpOnly, Strict refresh cookie scoped to /api/auth", async () => {
    const user = await createUser(app);
    const { res } = await login(user.email);
    expect(Object.keys(res.json()).sort()).toEqual(["access_token", "token_type"]);
    expect(res.headers["cache-control"]).toBe("no-store");
    expect((await refresh(cookieValue(res, "refresh_token"))).headers["cache-control"]).toBe("no-store");
    const cookie = setCookies(res).find((c) => c.name === "refresh_token")!;
    expect(cookie.attributes).toMatchObject({ httponly: true, samesite: "Strict", path: "/api/auth", "max-age": "2592000" });
    expect(cookie.attributes.secure).toBeUndefined();
    const overHttps = await login(user.email, undefined, { "x-forwarded-proto": "https" });
    expect(setCookies(overHttps.res).find((c) => c.name === "refresh_token")!.attributes.secure).toBe(true);
  });

  it("issues 15-minute access tokens", async () => {
    const user = await createUser(app);
    const payload = JSON.parse(Buffer.from(user.token.split(".")[1]!, "base64url").toString());
    expect(payload.exp - payload.iat).toBe(900);
  });

  it("stores only a hash of the refresh token", async () => {
    const user = await createUser(app);
    const { refresh: token } = await login(user.email);
    const { rows } = await db.query("SELECT token_hash FROM refresh_tokens");
    expect(rows.map((r) => r.token_hash)).toContain(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it("returns a working access token and rotates the refresh token", async () => {
    const user = await createUser(app);
    const { refresh: first } = await login(user.email);
    const res = await refresh(first);
    expect(res.statusCode).toBe(200);
    expect(res.json().token_type).toBe("bearer");
    const second = cookieValue(res, "refresh_token")!;
    expect(second).toBeTruthy();
    expect(second).not.toBe(first);
    const me = await app.inject({ url: "/api/me", headers: { authorization: `Bearer ${res.json().access_token}` } });
    expect(me.json().email).toBe(user.email);
    expect((await refresh(second)).statusCode).toBe(200);
  });

  it("treats reuse of a rotated token after the grace period as theft: 401, and the whole family is revoked", async () => {
    const user = await createUser(app);
    const { refresh: first } = await login(user.email);
    const second = cookieValue(await refresh(first), "refresh_token")!;
    await db.query("UPDATE refresh_tokens SET rotated_at = rotated_at - $1 * interval '1 millisecond' WHERE rotated_at IS NOT NULL", [
      ROTATION_GRACE_MS + 1000,
    ]);
    const reuse = await refresh(first);
    expect(reuse.statusCode).toBe(401);
    expect(reuse.json()).toEqual(EXPIRED);
    // The thief's (or victim's) newer token is dead too.
    expect((await refresh(second)).statusCode).toBe(401);
    const hash = createHash("sha256").update(first).digest("hex");
    const { rows } = await db.query(
      "SELECT count(*)::int AS live FROM refresh_tokens WHERE revoked_at IS NULL AND family_id = (SELECT family_id FROM refresh_tokens WHERE token_hash = $1)",
      [hash],
    );
    expect(rows[0].live).toBe(0);
  });

  it("gives refreshes racing with one token the same successor, and keeps the session alive", async () => {
    const user = await createUser(app);
    const { refresh: token } = await login(user.email);
    const results = await Promise.all(Array.from({ length: 5 }, () => refresh(token)));
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200]);
    const successors = new Set(results.map((r) => cookieValue(r, "refresh_token")));
    expect(successors.size).toBe(1);
    const [successor] = [...successors];
    expect(successor).not.toBe(token);
    // One successor stored, none revoked, and it works.
    const { rows } = await db.query(
      "SELECT count(*)::int AS stored, count(*) FILTER (WHERE revoked_at IS NOT NULL)::int AS revoked FROM refresh_tokens WHERE family_id = (SELECT family_id FROM refresh_tokens WHERE token_hash = $1)",
      [createHash("sha256").update(token).digest("hex")],
    );
    expect(rows[0]).toEqual({ stored: 2, revoked: 0 });
    expect((await refresh(successor)).statusCode).toBe(200);
  });

  it("within the grace period, a rotated token whose successor was already used is refused without revoking anyone", async () => {
    const user = await createUser(app);
    const { refresh: token } = await login(user.email);
    const second = cookieValue(await refresh(token), "refresh_token")!;
    const third = cookieValue(await refresh(second), "refresh_token")!;
    const late = await refresh(token);
    expect(late.statusCode).toBe(401);
    expect(late.json()).toEqual(EXPIRED);
    // The browser's jar holds the winner's cookie by now: the loser's answer must not clear it.
    expect(setCookies(late).find((c) => c.name === "refresh_token")).toBeUndefined();
    expect((await refresh(third)).statusCode).toBe(200);
  });

  it("answers 401 and clears the cookie without a token, with an unknown one and with an expired one", async () => {
    const user = await createUser(app);
    const { refresh: token } = await login(user.email);
    await db.query("UPDATE refresh_tokens SET expires_at = now() - interval '1 second'");
    for (const res of [await refresh(), await refresh("not-a-real-token"), await refresh(token)]) {
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual(EXPIRED);
      const cleared = setCookies(res).find((c) => c.name === "refresh_token")!;
      expect(cleared.value).toBe("");
      expect(cleared.attributes.path).toBe("/api/auth");
    }
  });

  it("stops a disabled account from refreshing", async () => {
    const user = await createUser(app);
    const { refresh: token } = await login(user.email);
    await db.query("UPDATE users SET is_active = false");
    expect((await refresh(token)).statusCode).toBe(401);
  });
});

describe("logout", () => {
  it("revokes the current session and clears the cookie; other sessions live on", async () => {
    const user = await createUser(app);
    const here = await login(user.email);
    const elsewhere = await login(user.email);
    const res = await app.inject({ method: "POST", url: "/api/auth/logout", cookies: { refresh_token: here.refresh } });
    expect(res.statusCode).toBe(204);
    expect(cookieValue(res, "refresh_token")).toBe("");
    expect((await refresh(here.refresh)).statusCode).toBe(401);
    expect((await refresh(elsewhere.refresh)).statusCode).toBe(200);
  });

  it("answers 204 even without a session", async () => {
    const res = await app.inject({ method: "POST", url: "/api/auth/logout" });
    expect(res.statusCode).toBe(204);
  });

  it("logout-all ends every session of the user, and needs an access token", async () => {
    const user = await createUser(app);
    const a = await login(user.email);
    const b = await login(user.email);
    const other = await createUser(app);
    const otherSession = await login(other.email);
    expect((await app.inject({ method: "POST", url: "/api/auth/logout-all" })).statusCode).toBe(401);
    const res = await app.inject({ method: "POST", url: "/api/auth/logout-all", headers: { authorization: `Bearer ${a.access}` } });
    expect(res.statusCode).toBe(204);
    expect((await refresh(a.refresh)).statusCode).toBe(401);
    expect((await refresh(b.refresh)).statusCode).toBe(401);
    expect((await refresh(otherSession.refresh)).statusCode).toBe(200);
  });

  it("a logout or logout-all racing a refresh leaves no token of the session alive", async () => {
    const user = await createUser(app);
    // Storing a successor takes 300 ms: the logout arrives while the refresh has rotated but not committed.
    await db.query(
      `CREATE FUNCTION test_slow_token() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(0.3); RETURN NEW; END $$`,
    );
    try {
      for (const everywhere of [false, true]) {
        const { refresh: token, access } = await login(user.email);
        await db.query("CREATE TRIGGER test_slow_token BEFORE INSERT ON refresh_tokens FOR EACH ROW EXECUTE FUNCTION test_slow_token()");
        try {
          const rotating = refresh(token);
          await new Promise((resolve) => setTimeout(resolve, 100));
          const ended = await (everywhere
            ? app.inject({ method: "POST", url: "/api/auth/logout-all", headers: { authorization: `Bearer ${access}` } })
            : app.inject({ method: "POST", url: "/api/auth/logout", cookies: { refresh_token: token } }));
          const rotated = await rotating;
          expect(ended.statusCode).toBe(204);
          expect(rotated.statusCode, "the refresh began first and wins its new token").toBe(200);
          const next = cookieValue(rotated, "refresh_token")!;
          expect((await refresh(next)).statusCode, everywhere ? "logout-all" : "logout").toBe(401);
        } finally {
          await db.query("DROP TRIGGER IF EXISTS test_slow_token ON refresh_tokens");
        }
      }
    } finally {
      await db.query("DROP FUNCTION IF EXISTS test_slow_token()");
    }
  });
});

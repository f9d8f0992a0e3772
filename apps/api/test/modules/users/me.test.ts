import { createSigner } from "fast-jwt";
import { describe, expect, it } from "vitest";
import { buildTestApp, resetDatabaseBeforeEach, testConfig, testDb } from "../../helpers/build-test-app.js";
import { createUser } from "../../helpers/factories.js";

const app = await buildTestApp();
const db = testDb();
resetDatabaseBeforeEach(db);

const me = (authorization?: string) => app.inject({ url: "/api/me", headers: authorization ? { authorization } : {} });
const UNAUTHORIZED = { detail: "Could not validate credentials" };

describe("GET /api/me", () => {
  it("returns the signed-in user's profile", async () => {
    const user = await createUser(app, { email: "me@example.com" });
    const res = await me(user.headers.authorization);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      id: user.id,
      email: "me@example.com",
      is_active: true,
      plan: "free",
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      role: "user",
      link_limit: 3,
    });
  });

  it.each([
    ["no header", undefined],
    ["a malformed header", "Bearer not-a-jwt"],
    ["another scheme", "Basic dXNlcjpwYXNz"],
  ])("answers 401 for %s", async (_name, header) => {
    const res = await me(header);
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual(UNAUTHORIZED);
    expect(res.headers["www-authenticate"]).toBe("Bearer");
  });

  it("answers 401 for an expired token", async () => {
    const user = await createUser(app);
    const sign = createSigner({ key: testConfig().jwtSecret, algorithm: "HS256" });
    const now = Math.floor(Date.now() / 1000);
    const expired = sign({ sub: String(user.id), iat: now - 7200, exp: now - 3600 });
    const res = await me(`Bearer ${expired}`);
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual(UNAUTHORIZED);
  });

  it("answers 401 for a tampered token and one signed with another key", async () => {
    const user = await createUser(app);
    const [header, , signature] = user.token.split(".");
    const forgedPayload = Buffer.from(JSON.stringify({ sub: "999", iat: 1, exp: 9_999_999_999 })).toString("base64url");
    const otherKey = createSigner({ key: "another-secret-that-is-also-32-characters", algorithm: "HS256" })({ sub: String(user.id) });
    for (const token of [`${header}.${forgedPayload}.${signature}`, otherKey]) {
      const res = await me(`Bearer ${token}`);
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual(UNAUTHORIZED);
    }
  });

  it("answers 401 for a token signed with our key but not as we write access tokens", async () => {
    const user = await createUser(app);
    const sign = createSigner({ key: testConfig().jwtSecret, algorithm: "HS256", noTimestamp: true });
    const exp = Math.floor(Date.now() / 1000) + 600;
    const valid = sign({ sub: String(user.id), exp });
    expect((await me(`Bearer ${valid}`)).statusCode).toBe(200);
    const odd = [
      sign({ sub: String(user.id) }), // no expiry
      ...["0x1", "1e0", " 1", "01", "1.0", String(2 ** 31)].map((sub) => sign({ sub: sub.replace("1", String(user.id)), exp })),
      sign({ sub: user.id, exp }), // a number, not a string
    ];
    for (const token of odd) {
      const res = await me(`Bearer ${token}`);
      expect(res.statusCode, token).toBe(401);
      expect(res.json()).toEqual(UNAUTHORIZED);
    }
  });

  it("answers 401 for an unsigned (alg: none) token", async () => {
    const user = await createUser(app);
    const unsigned = createSigner({ algorithm: "none" })({ sub: String(user.id) });
    const res = await me(`Bearer ${unsigned}`);
    expect(res.statusCode).toBe(401);
  });

  it("answers 401 once the account is gone", async () => {
    const user = await createUser(app);
    await db.query("DELETE FROM users WHERE id = $1", [user.id]);
    const res = await me(user.headers.authorization);
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual(UNAUTHORIZED);
  });
});

import { describe, expect, it } from "vitest";
import { buildTestApp, resetDatabaseBeforeEach, testDb } from "../../helpers/build-test-app.js";
import { createUser } from "../../helpers/factories.js";

const app = await buildTestApp();
const db = testDb();
resetDatabaseBeforeEach(db);

const loginJson = (payload: object) => app.inject({ method: "POST", url: "/api/auth/login-json", payload });

describe("POST /api/auth/login-json", () => {
  it("answers 200 with a bearer token that opens /api/me", async () => {
    const user = await createUser(app, { email: "me@example.com", password: "password123" });
    const res = await loginJson({ username: "ME@example.com", password: "password123" });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(Object.keys(body).sort()).toEqual(["access_token", "token_type"]);
    expect(body.token_type).toBe("bearer");
    const me = await app.inject({ url: "/api/me", headers: { authorization: `Bearer ${body.access_token}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json().id).toBe(user.id);
  });

  it("gives the same 401 for a wrong password and for an unknown email", async () => {
    await createUser(app, { email: "me@example.com", password: "password123" });
    const wrong = await loginJson({ username: "me@example.com", password: "wrong-password" });
    const unknown = await loginJson({ username: "nobody@example.com", password: "password123" });
    for (const res of [wrong, unknown]) {
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({ detail: "Incorrect email or password" });
    }
  });

  it("refuses a password that only begins with the right one (bcrypt reads 72 bytes)", async () => {
    const exact = "é".repeat(36); // 72 bytes in UTF-8
    await createUser(app, { email: "long@example.com", password: exact });
    expect((await loginJson({ username: "long@example.com", password: `${exact}x` })).statusCode).toBe(401);
    expect((await loginJson({ username: "long@example.com", password: exact })).statusCode).toBe(200);
  });

  it("refuses a disabled account with the same 401", async () => {
    await createUser(app, { email: "off@example.com", password: "password123" });
    await db.query("UPDATE users SET is_active = false WHERE email = 'off@example.com'");
    const res = await loginJson({ username: "off@example.com", password: "password123" });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ detail: "Incorrect email or password" });
  });

  it("answers 422 with the contract's example for a missing username", async () => {
    const res = await loginJson({ password: "password123" });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toEqual({ detail: [{ loc: ["body", "username"], msg: "field required", type: "value_error.missing" }] });
  });
});

describe("POST /api/auth/login (OAuth2 password form)", () => {
  it("accepts application/x-www-form-urlencoded", async () => {
    await createUser(app, { email: "form@example.com", password: "password123" });
    const res = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: "grant_type=password&username=form%40example.com&password=password123",
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().token_type).toBe("bearer");
  });

  it("answers a wrong password with the contract's 401", async () => {
    await createUser(app, { email: "form@example.com", password: "password123" });
    const res = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: "username=form%40example.com&password=nope",
    });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ detail: "Incorrect email or password" });
  });
});

import { describe, expect, it } from "vitest";
import { buildTestApp, resetDatabaseBeforeEach, testDb } from "../../helpers/build-test-app.js";

const app = await buildTestApp();
const db = testDb();
resetDatabaseBeforeEach(db);

const register = (payload: unknown) => app.inject({ method: "POST", url: "/api/auth/register", payload: payload as object });

describe("POST /api/auth/register", () => {
  it("creates the account and answers 201 with the contract's fields only", async () => {
    const res = await register({ email: "New.User@Example.com", password: "securepassword123" });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(Object.keys(body).sort()).toEqual(["created_at", "email", "id", "is_active", "link_limit", "plan", "role"]);
    expect(body).toMatchObject({ email: "new.user@example.com", is_active: true, plan: "free" });
    expect(Number.isInteger(body.id)).toBe(true);
    expect(new Date(body.created_at).toISOString()).toBe(body.created_at);

    const { rows } = await db.query("SELECT email, password_hash FROM users");
    expect(rows).toHaveLength(1);
    expect(rows[0].email).toBe("new.user@example.com");
    expect(rows[0].password_hash).toMatch(/^\$2b\$04\$/);
    expect(rows[0].password_hash).not.toContain("securepassword123");
  });

  it("answers 409 for an email already registered, whatever its case", async () => {
    await register({ email: "taken@example.com", password: "password123" });
    const res = await register({ email: "TAKEN@example.com", password: "another-password" });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toEqual({ detail: "Email already registered" });
    const { rows } = await db.query("SELECT count(*)::int AS n FROM users");
    expect(rows[0].n).toBe(1);
  });

  it("lets exactly one of several simultaneous sign-ups with one email through", async () => {
    const results = await Promise.all(Array.from({ length: 5 }, () => register({ email: "race@example.com", password: "password123" })));
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409, 409]);
  });

  it("answers 422 in FastAPI's shape for an invalid email", async () => {
    const res = await register({ email: "not-an-email", password: "password123" });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toEqual({
      detail: [{ loc: ["body", "email"], msg: "value is not a valid email address", type: "value_error.email" }],
    });
  });

  it("answers 422 listing every missing field", async () => {
    const res = await register({});
    expect(res.statusCode).toBe(422);
    expect(res.json().detail).toEqual([
      { loc: ["body", "email"], msg: "field required", type: "value_error.missing" },
      { loc: ["body", "password"], msg: "field required", type: "value_error.missing" },
    ]);
  });

  it("rejects passwords shorter than 8 characters or longer than bcrypt reads", async () => {
    const short = await register({ email: "a@example.com", password: "1234567" });
    expect(short.statusCode).toBe(422);
    expect(short.json().detail[0]).toMatchObject({ loc: ["body", "password"], type: "value_error.any_str.min_length" });
    const long = await register({ email: "a@example.com", password: "x".repeat(73) });
    expect(long.statusCode).toBe(422);
    expect(long.json().detail[0]).toMatchObject({ loc: ["body", "password"], type: "value_error.any_str.max_length" });
    const { rows } = await db.query("SELECT count(*)::int AS n FROM users");
    expect(rows[0].n).toBe(0);
  });
});

import { describe, expect, inject, it } from "vitest";
import { dropAllTables, ensureDatabase } from "../../../src/db/database-admin.js";
import { shippedMigrations } from "../../../src/db/migration-status.js";
import { buildTestApp } from "../../helpers/build-test-app.js";

const app = await buildTestApp();
// A database that is not there: port 1 on loopback refuses connections.
const offline = await buildTestApp({ databaseUrl: "postgresql://nobody@127.0.0.1:1/none" });
// A database that is there but has no tables.
const unmigratedUrl = new URL(inject("databaseUrl"));
await ensureDatabase(Object.assign(new URL(unmigratedUrl), { pathname: "/postgres" }).toString(), "shortly_unmigrated");
unmigratedUrl.pathname = "/shortly_unmigrated";
await dropAllTables(unmigratedUrl.toString());
const unmigrated = await buildTestApp({ databaseUrl: unmigratedUrl.toString() });
// A Redis that is configured but not there.
const noRedis = await buildTestApp({ redisUrl: "redis://127.0.0.1:1" });

describe("health and config", () => {
  it("GET /health answers ok", async () => {
    const res = await app.inject({ url: "/health" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: "ok" });
  });

  it("GET /api/health reports every part, version and uptime", async () => {
    const res = await app.inject({ url: "/api/health" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["cache-control"]).toBe("no-store");
    expect(res.json()).toEqual({
      status: "ok",
      database: "ok",
      schema: "ok",
      pending_migrations: [],
      redis: "not_configured",
      clicks: { status: "ok", pending: 0, oldest_pending_seconds: 0, writer: "running" },
      problems: [],
      version: "0.0.0-test",
      uptime_seconds: expect.any(Number),
    });
  });

  it("GET /api/health answers 503 when the database is down, and /health stays up", async () => {
    const res = await offline.inject({ url: "/api/health" });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({
      status: "unavailable",
      database: "unreachable",
      schema: "unknown",
      problems: ["database: not reachable"],
    });
    expect((await offline.inject({ url: "/health" })).statusCode).toBe(200);
  });

  it("GET /api/health answers 503 with the missing migrations when the schema is behind the code", async () => {
    const res = await unmigrated.inject({ url: "/api/health" });
    expect(res.statusCode).toBe(503);
    const body = res.json();
    expect(body).toMatchObject({ status: "unavailable", database: "ok", schema: "behind", pending_migrations: shippedMigrations() });
    expect(body.pending_migrations.length).toBeGreaterThan(0);
    expect(body.problems[0]).toMatch(/^schema: \d+ migration\(s\) not applied/);
  });

  it("GET /api/health stays 200 but says degraded, and why, when Redis is unreachable", async () => {
    const res = await noRedis.inject({ url: "/api/health" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: "degraded", database: "ok", redis: "unreachable" });
    expect(res.json().problems).toEqual([expect.stringMatching(/^redis: not reachable/)]);
  });

  it("GET /api/config gives the SPA its boot settings", async () => {
    const res = await app.inject({ url: "/api/config" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      version: "0.0.0-test",
      short_url_base: "http://sho.rt",
      free_plan_limit: 3,
      features: { registration: true, social_login: false, realtime: true },
    });
  });
});

describe("errors are always JSON in the contract's shape", () => {
  it("404 for an unknown API route, whatever its depth and method", async () => {
    for (const [method, url] of [
      ["GET", "/api/does-not-exist"],
      ["GET", "/api/does/not/exist"],
      ["POST", "/api/does/not/exist"],
      ["DELETE", "/assets/x/y"],
      // A name that cannot be a code, with a trailing slash: not "wrong method" because POST /{code} exists.
      ["GET", "/api/"],
      ["POST", "/api/"],
      ["HEAD", "/api/"],
    ] as const) {
      const res = await app.inject({ method, url });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      if (method !== "HEAD") expect(res.json()).toEqual({ detail: "Not Found" });
    }
  });

  it("405 with Allow for a wrong method", async () => {
    const res = await app.inject({ method: "PUT", url: "/api/urls" });
    expect(res.statusCode).toBe(405);
    expect(res.json()).toEqual({ detail: "Method Not Allowed" });
    expect(res.headers.allow).toBe("GET, POST");
    const del = await app.inject({ method: "DELETE", url: "/api/me" });
    expect(del.statusCode).toBe(405);
  });

  it("415 for a compressed body, which the API does not decompress", async () => {
    const register = (encoding: string, email: string) =>
      app.inject({
        method: "POST",
        url: "/api/auth/register",
        headers: { "content-type": "application/json", "content-encoding": encoding },
        payload: JSON.stringify({ email, password: "password123" }),
      });
    const res = await register("gzip", "zip@example.com");
    expect(res.statusCode).toBe(415);
    expect(res.json()).toEqual({ detail: "Content-Encoding gzip is not accepted: send the body uncompressed" });
    expect((await register("identity", "plain@example.com")).statusCode).toBe(201);
    // The header alone, on a request without a body, refuses nothing.
    const bodiless = await app.inject({ url: "/api/health", headers: { "content-encoding": "gzip" } });
    expect(bodiless.statusCode).toBe(200);
  });

  it("422 for malformed JSON", async () => {
    const res = await app.inject({
      method: "POST",
      url: "/api/auth/register",
      headers: { "content-type": "application/json" },
      payload: '{"email": "a@b.co",',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toEqual({ detail: [{ loc: ["body"], msg: "JSON decode error", type: "value_error.jsondecode" }] });
  });

  it("422 'field required' for an empty JSON body where one is needed", async () => {
    const res = await app.inject({ method: "POST", url: "/api/auth/register", headers: { "content-type": "application/json" } });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toEqual({ detail: [{ loc: ["body"], msg: "field required", type: "value_error.missing" }] });
  });

  it("422 for a prototype-poisoning body", async () => {
    const res = await app.inject({
      method: "POST",
      url: "/api/auth/register",
      headers: { "content-type": "application/json" },
      payload: '{"email":"a@b.co","password":"password123","__proto__":{"admin":true}}',
    });
    expect(res.statusCode).toBe(422);
  });

  it("422 for a JSON body that is not an object", async () => {
    const res = await app.inject({ method: "POST", url: "/api/auth/register", payload: [1, 2] });
    expect(res.statusCode).toBe(422);
    expect(res.json().detail[0].loc).toEqual(["body"]);
  });

  it("415 for a content type the route does not take", async () => {
    const res = await app.inject({
      method: "POST",
      url: "/api/auth/register",
      headers: { "content-type": "text/plain" },
      payload: "email=a@b.co",
    });
    expect(res.statusCode).toBe(415);
    expect(res.json()).toEqual({ detail: "Unsupported Media Type" });
  });

  it("413 for a body over the limit", async () => {
    const res = await app.inject({
      method: "POST",
      url: "/api/auth/register",
      payload: { email: "a@b.co", password: "x".repeat(70 * 1024) },
    });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toEqual({ detail: "Request body is too large" });
  });

  it("503 with Retry-After, without internals, when the database cannot be reached", async () => {
    const token = offline.signAccessToken(1);
    const res = await offline.inject({ url: "/api/me", headers: { authorization: `Bearer ${token}` } });
    expect(res.statusCode).toBe(503);
    expect(res.headers["retry-after"]).toBe("5");
    expect(res.json()).toEqual({ detail: "Service Unavailable" });
    expect(res.body).not.toMatch(/prisma|ECONNREFUSED|at /i);
  });

  it("500 without internals when something unexpected fails", async () => {
    // A reachable database without the schema: a bug-class failure, not a transient one.
    const token = unmigrated.signAccessToken(1);
    const res = await unmigrated.inject({ url: "/api/me", headers: { authorization: `Bearer ${token}` } });
    expect(res.statusCode).toBe(500);
    expect(res.headers["retry-after"]).toBeUndefined();
    expect(res.json()).toEqual({ detail: "Internal Server Error" });
    expect(res.body).not.toMatch(/prisma|relation|does not exist|at /i);
  });
});

import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseEnv, rateLimitConfig, type RateLimitConfig } from "../../../src/config.js";
import { buildTestApp, resetDatabaseBeforeEach, testDb } from "../../helpers/build-test-app.js";
import { createUser } from "../../helpers/factories.js";
import { reachableRedisUrl } from "../../helpers/redis.js";

const limits: RateLimitConfig = {
  enabled: true,
  loginPerIpPerMinute: 4,
  loginPerAccountPerMinute: 6,
  registerPerIpPerHour: 3,
  refreshPerIpPerMinute: 5,
  linksPerMinute: 2,
  apiKeyPerMinute: 5,
  linkPasswordPerHour: 3,
  reportsPerHour: 2,
  loginFailuresBeforeDelay: 2,
  loginMaxDelaySeconds: 30,
};
const app = await buildTestApp({ rateLimits: limits });
// For signing up the users a test needs without spending the sign-up limit under test.
const unlimited = await buildTestApp();
const db = testDb();
resetDatabaseBeforeEach(db);

// Each test uses its own addresses, so counters never carry over between tests.
const newIp = () => `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`;
const login = (username: string, password: string, ip: string, target = app) =>
  target.inject({ method: "POST", url: "/api/auth/login-json", payload: { username, password }, remoteAddress: ip });

function expectLimited(res: Awaited<ReturnType<typeof login>>) {
  expect(res.statusCode).toBe(429);
  const retryAfter = Number(res.headers["retry-after"]);
  expect(retryAfter).toBeGreaterThan(0);
  expect(res.json()).toEqual({
    detail: `Too many attempts. Please wait ${retryAfter === 1 ? "1 second" : `${retryAfter} seconds`} and try again.`,
  });
}

describe("rate limits (in memory)", () => {
  it("limits logins per IP with 429, the contract's shape and Retry-After", async () => {
    const ip = newIp();
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await login(`nobody-${i}@example.com`, "whatever-pw", ip));
    expect(results.slice(0, 4).map((r) => r.statusCode)).toEqual([401, 401, 401, 401]);
    expectLimited(results[4]!);
    expect((await login("nobody@example.com", "whatever-pw", newIp())).statusCode).toBe(401);
  });

  it("limits logins per account across addresses", async () => {
    const email = `target-${randomUUID()}@example.com`;
    const statuses = [];
    for (let i = 0; i < 7; i++) statuses.push((await login(email, "wrong-password", newIp())).statusCode);
    expect(statuses.slice(0, 6).every((s) => s === 401)).toBe(true);
    expect(statuses[6]).toBe(429);
  });

  it("limits sign-ups per IP", async () => {
    const ip = newIp();
    const statuses = [];
    for (let i = 0; i < 4; i++) {
      const res = await app.inject({
        method: "POST",
        url: "/api/auth/register",
        payload: { email: `s${i}-${randomUUID()}@example.com`, password: "password123" },
        remoteAddress: ip,
      });
      statuses.push(res.statusCode);
    }
    expect(statuses).toEqual([201, 201, 201, 429]);
    expect((await db.query("SELECT count(*)::int AS n FROM users")).rows[0].n).toBe(3);
  });

  it("limits link creation per account", async () => {
    const user = await createUser(app, {});
    await db.query("UPDATE users SET plan = 'pro'");
    const create = (ip: string) =>
      app.inject({
        method: "POST",
        url: "/api/urls",
        headers: user.headers,
        payload: { long_url: "https://example.com" },
        remoteAddress: ip,
      });
    const statuses = [(await create(newIp())).statusCode, (await create(newIp())).statusCode, (await create(newIp())).statusCode];
    expect(statuses).toEqual([201, 201, 429]);
  });

  it("limits link creation per address, across accounts", async () => {
    const ip = newIp();
    // Fresh account ids: per-account counters of earlier tests (ids restart after each truncation) must not count here.
    await db.query("SELECT setval('users_id_seq', 100000 + floor(random() * 1000000)::int)");
    const users = [await createUser(unlimited), await createUser(unlimited), await createUser(unlimited)];
    await db.query("UPDATE users SET plan = 'pro'");
    const statuses = [];
    for (const user of users) {
      const res = await app.inject({
        method: "POST",
        url: "/api/urls",
        headers: user.headers,
        payload: { long_url: "https://example.com" },
        remoteAddress: ip,
      });
      statuses.push(res.statusCode);
    }
    expect(statuses).toEqual([201, 201, 429]);
    expect((await db.query("SELECT count(*)::int AS n FROM links")).rows[0].n).toBe(2);
  });

  it("gives a client that connects directly no fresh budget for an X-Forwarded-For of its own", async () => {
    const ip = newIp();
    const statuses = [];
    for (let i = 0; i < 5; i++) {
      const res = await app.inject({
        method: "POST",
        url: "/api/auth/login-json",
        payload: { username: `spoof-${i}@example.com`, password: "whatever-pw" },
        remoteAddress: ip,
        headers: { "x-forwarded-for": newIp() },
      });
      statuses.push(res.statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
  });

  it("believes X-Forwarded-For from a trusted proxy only, one budget per forwarded client", async () => {
    const proxied = await buildTestApp({ rateLimits: limits, trustProxy: ["10.250.0.1"] });
    const fromProxy = (forwardedFor: string) =>
      proxied.inject({
        method: "POST",
        url: "/api/auth/login-json",
        payload: { username: `p-${randomUUID()}@example.com`, password: "whatever-pw" },
        remoteAddress: "10.250.0.1",
        headers: { "x-forwarded-for": forwardedFor },
      });
    const client = newIp();
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await fromProxy(client)).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    // Another client behind the same proxy has its own budget.
    expect((await fromProxy(newIp())).statusCode).toBe(401);
  });

  it("limits refreshes per IP", async () => {
    const ip = newIp();
    const statuses = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await app.inject({ method: "POST", url: "/api/auth/token/refresh", remoteAddress: ip })).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  });

  it("slows repeated failures for one account from one address, without locking the owner out elsewhere", async () => {
    const user = await createUser(app);
    const attacker = newIp();
    expect((await login(user.email, "guess-1-wrong", attacker)).statusCode).toBe(401);
    expect((await login(user.email, "guess-2-wrong", attacker)).statusCode).toBe(401);
    // The second failure reached the threshold: the pair is blocked briefly, even with the right password.
    expectLimited(await login(user.email, user.password, attacker));
    // The owner, from another address, signs in normally.
    expect((await login(user.email, user.password, newIp())).statusCode).toBe(200);
  });

  it("can be switched off entirely with RATE_LIMITS=off", () => {
    expect(rateLimitConfig(parseEnv({ RATE_LIMITS: "off" }, () => "")).enabled).toBe(false);
    expect(rateLimitConfig(parseEnv({}, () => "")).enabled).toBe(true);
  });
});

const redisUrl = await reachableRedisUrl();

describe.skipIf(!redisUrl)("rate limits shared through Redis", () => {
  it("counts requests to two API instances together", async () => {
    const a = await buildTestApp({ rateLimits: limits, redisUrl });
    const b = await buildTestApp({ rateLimits: limits, redisUrl });
    const ip = newIp();
    const statuses = [];
    for (const target of [a, b, a, b, a])
      statuses.push((await login(`x-${randomUUID()}@example.com`, "whatever-pw", ip, target)).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
  });

  it("shares per-account counters and the login slow-down", async () => {
    const a = await buildTestApp({ rateLimits: limits, redisUrl });
    const b = await buildTestApp({ rateLimits: limits, redisUrl });
    // Signed up where no limit applies: Redis keeps counters between runs, and sign-ups come from one address.
    const user = await createUser(await buildTestApp());
    const ip = newIp();
    expect((await login(user.email, "wrong-1-password", ip, a)).statusCode).toBe(401);
    expect((await login(user.email, "wrong-2-password", ip, b)).statusCode).toBe(401);
    expect((await login(user.email, user.password, ip, a)).statusCode).toBe(429);
  });
});

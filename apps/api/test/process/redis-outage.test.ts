// Redis stopped under load, with two production servers in child processes
// sharing it: redirects keep answering, limits keep holding (per instance),
// health says what is missing, and live clicks resume once Redis is back.
// And a Redis that stays connected but stops answering: requests wait for
// one command timeout, not forever and not one per limit.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { liveServerMessageSchema, type LiveServerMessage } from "@shortly/contract";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { WebSocket } from "ws";
import { freePort } from "../../src/db/embedded-postgres.js";
import { resetDatabaseBeforeEach, testDb } from "../helpers/build-test-app.js";
import { startLoad, startServer, type ServerProcess } from "../helpers/server-process.js";

const hasRedisServer = spawnSync("redis-server", ["--version"], { stdio: "ignore" }).status === 0;
if (!hasRedisServer && process.env.CI) throw new Error("redis-server is required in CI for the Redis outage test");
if (!hasRedisServer) console.error("\n########  REDIS OUTAGE TEST SKIPPED: no redis-server binary  ########\n");

const db = testDb();
resetDatabaseBeforeEach(db);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

/** A Redis of this test's own on a fixed port, so it can be stopped and started again where clients expect it. */
function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
    stdio: "ignore",
  });
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + 5000;
    const poll = () => {
      if (
        spawnSync("redis-cli", ["-p", String(port), "ping"])
          .stdout?.toString()
          .includes("PONG")
      )
        return resolve(child);
      if (Date.now() > deadline) return reject(new Error("redis-server did not start"));
      setTimeout(poll, 50);
    };
    poll();
  });
}

async function post(server: ServerProcess, route: string, body: object, headers: Record<string, string> = {}) {
  return fetch(`${server.url}${route}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
}

/** An authenticated live-clicks socket that keeps what it receives. */
async function liveSocket(server: ServerProcess, token: string) {
  const socket = new WebSocket(`${server.url.replace("http", "ws")}/api/ws`);
  const messages: LiveServerMessage[] = [];
  socket.on("message", (data) => messages.push(liveServerMessageSchema.parse(JSON.parse(String(data)))));
  await new Promise((resolve, reject) => socket.once("open", resolve).once("error", reject));
  socket.send(JSON.stringify({ type: "auth", token }));
  await expect.poll(() => messages.some((m) => m.type === "ready"), { timeout: 5000 }).toBe(true);
  const clicks = () => messages.filter((m) => m.type === "clicks").length;
  return { socket, clicks };
}

const clickCount = async (pool: pg.Pool) => (await pool.query("SELECT count(*)::int AS n FROM clicks")).rows[0].n as number;

describe.runIf(hasRedisServer)("Redis stopped under load", () => {
  const children: ChildProcess[] = [];
  afterAll(() => children.forEach((child) => child.kill("SIGKILL")));

  it("keeps redirects and limits working, says so in health, and live clicks resume when it returns", async () => {
    const redisPort = await freePort();
    let redis = await startRedis(redisPort);
    children.push(redis);
    const env = {
      DATABASE_URL: inject("databaseUrl"),
      REDIS_URL: `redis://127.0.0.1:${redisPort}`,
      RATE_LIMITS: "on",
      RATE_LIMIT_LOGIN_PER_IP_PER_MINUTE: "4",
      RATE_LIMIT_REGISTER_PER_IP_PER_HOUR: "100",
      LINK_CACHE_TTL_MS: "600000",
      JWT_SECRET: randomBytes(32).toString("hex"), // one secret: a token from A opens a socket on B
    };
    const [a, b] = await Promise.all([startServer(env), startServer(env)]);
    children.push(a.child, b.child);

    expect((await post(a, "/api/auth/register", { email: "owner@example.com", password: "owner-password-1" })).status).toBe(201);
    const login = await post(a, "/api/auth/login-json", { username: "owner@example.com", password: "owner-password-1" });
    const token = ((await login.json()) as { access_token: string }).access_token;
    const created = await post(a, "/api/urls", { long_url: "https://example.com/outage" }, { authorization: `Bearer ${token}` });
    const code = ((await created.json()) as { short_code: string }).short_code;
    const visit = (server: ServerProcess) => fetch(`${server.url}/${code}`, { redirect: "manual", headers: { "user-agent": CHROME } });
    expect((await visit(a)).status).toBe(302); // cached on A from here
    await expect.poll(() => clickCount(db), { timeout: 5000 }).toBe(1);
    await sleep(300); // its live message has gone out before the dashboard below subscribes
    // A dashboard on B sees a click served by A: through Redis.
    const live = await liveSocket(b, token);
    const atStart = live.clicks();
    expect((await visit(a)).status).toBe(302);
    await expect.poll(() => live.clicks(), { timeout: 5000 }).toBeGreaterThan(atStart);

    redis.kill("SIGKILL");
    const load = startLoad(`${a.url}/${code}`, 8);
    await sleep(500);
    // Health: still serving (200), degraded, naming Redis.
    const health = await fetch(`${a.url}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: "degraded", redis: "unreachable" });
    // The login limit still holds on this instance, in the contract's shape.
    const attempts = [];
    for (let i = 0; i < 5; i++)
      attempts.push((await post(a, "/api/auth/login-json", { username: `nobody-${i}@example.com`, password: "wrong-password-1" })).status);
    expect(attempts).toEqual([401, 401, 401, 401, 429]);
    await sleep(1000);
    const during = await load.stop();
    expect(during.redirects).toBeGreaterThan(20);
    expect(during.other + during.failed).toBe(0);

    redis = await startRedis(redisPort);
    children.push(redis);
    for (const server of [a, b]) {
      await expect
        .poll(async () => ((await (await fetch(`${server.url}/api/health`)).json()) as { redis: string }).redis, {
          timeout: 10_000,
          interval: 100,
        })
        .toBe("ok");
    }
    const before = live.clicks();
    expect((await visit(a)).status).toBe(302);
    await expect.poll(() => live.clicks(), { timeout: 10_000, interval: 100 }).toBeGreaterThan(before);
    // Every answered click is stored: the two before, the load, and the last one.
    await expect.poll(() => clickCount(db), { timeout: 15_000, interval: 100 }).toBe(2 + during.redirects + 1);
    live.socket.close();
    a.child.kill("SIGTERM");
    b.child.kill("SIGTERM");
    expect(await a.exited).toBe(0);
    expect(await b.exited).toBe(0);
  }, 90_000);

  it("answers within a command timeout while a connected Redis stops answering, and the limits still hold", async () => {
    const redisPort = await freePort();
    const redis = await startRedis(redisPort);
    children.push(redis);
    const server = await startServer({
      DATABASE_URL: inject("databaseUrl"),
      REDIS_URL: `redis://127.0.0.1:${redisPort}`,
      RATE_LIMITS: "on",
      RATE_LIMIT_LOGIN_PER_IP_PER_MINUTE: "4",
      RATE_LIMIT_REGISTER_PER_IP_PER_HOUR: "100",
    });
    children.push(server.child);
    expect((await post(server, "/api/auth/register", { email: "owner@example.com", password: "owner-password-1" })).status).toBe(201);
    const login = await post(server, "/api/auth/login-json", { username: "owner@example.com", password: "owner-password-1" });
    const token = ((await login.json()) as { access_token: string }).access_token;
    const created = await post(server, "/api/urls", { long_url: "https://example.com/stalled" }, { authorization: `Bearer ${token}` });
    const code = ((await created.json()) as { short_code: string }).short_code;

    // Every client's commands wait (the connection stays up, so the client still says "ready").
    const PAUSE_MS = 20_000;
    expect(spawnSync("redis-cli", ["-p", String(redisPort), "client", "pause", String(PAUSE_MS), "all"]).stdout.toString()).toContain("OK");
    const pausedAt = Date.now();
    // Each login passes the per-IP limit, the per-account limit and the slow-down: several commands.
    const attempts = [];
    for (let i = 0; i < 5; i++)
      attempts.push(
        (await post(server, "/api/auth/login-json", { username: `nobody-${i}@example.com`, password: "wrong-password-1" })).status,
      );
    const loginsTook = Date.now() - pausedAt;
    expect(attempts).toEqual([401, 401, 401, 401, 429]);
    // A command timeout (a second) per five seconds, then this instance's own counts: well before
    // the pause ends. One timeout per limit would take over 12 s (three limits, four logins).
    expect(loginsTook).toBeLessThan(PAUSE_MS / 2);
    expect((await fetch(`${server.url}/${code}`, { redirect: "manual" })).status).toBe(302);
    expect(Date.now() - pausedAt).toBeLessThan(PAUSE_MS);
    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(0);
  }, 60_000);
});

import { LIVE_CLOSE, liveServerMessageSchema, type LiveServerMessage } from "@shortly/contract";
import type { FastifyInstance } from "fastify";
import { describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { buildTestApp, resetDatabaseBeforeEach, testConfig, testDb } from "../../helpers/build-test-app.js";
import { forgeJwt } from "../../helpers/forged-jwt.js";
import { createLink, createUser, type TestUser } from "../../helpers/factories.js";
import { reachableRedisUrl } from "../../helpers/redis.js";

const CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

async function listening(app: FastifyInstance): Promise<string> {
  await app.listen({ host: "127.0.0.1", port: 0 });
  const address = app.server.address();
  if (!address || typeof address === "string") throw new Error("no port");
  return `ws://127.0.0.1:${address.port}/api/ws`;
}

const app = await buildTestApp({ live: { heartbeatMs: 100, authTimeoutMs: 300, maxSocketsPerIp: 5 } });
const url = await listening(app);
const redisUrl = await reachableRedisUrl();
// Two instances sharing Redis (and the database), as behind nginx.
const [first, second] = redisUrl ? await Promise.all([buildTestApp({ redisUrl }), buildTestApp({ redisUrl })]) : [null, null];
const secondUrl = second ? await listening(second) : null;
const db = testDb();
resetDatabaseBeforeEach(db);

/** A client that keeps every message and how the socket closed. */
function connect(target: string, options: { autoPong?: boolean } = {}) {
  const socket = new WebSocket(target, options);
  const messages: LiveServerMessage[] = [];
  let pings = 0;
  socket.on("message", (data) => messages.push(liveServerMessageSchema.parse(JSON.parse(String(data)))));
  socket.on("ping", () => pings++);
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on("close", (code, reason) => resolve({ code, reason: String(reason) })),
  );
  const opened = new Promise<void>((resolve, reject) => {
    socket.once("open", () => resolve());
    socket.once("error", reject);
  });
  return {
    socket,
    messages,
    closed,
    opened,
    get pings() {
      return pings;
    },
    send: (message: unknown) => socket.send(typeof message === "string" ? message : JSON.stringify(message)),
    waitFor: (type: LiveServerMessage["type"]) => expect.poll(() => messages.find((m) => m.type === type), { timeout: 3000 }).toBeTruthy(),
  };
}

async function authenticated(target: string, user: TestUser) {
  const client = connect(target);
  await client.opened;
  client.send({ type: "auth", token: user.token });
  await client.waitFor("ready");
  return client;
}

async function visit(on: FastifyInstance, code: string) {
  const res = await on.inject({
    url: `/${code}`,
    remoteAddress: "81.2.69.142",
    headers: { "user-agent": CHROME, referer: "https://news.example.org/a" },
  });
  expect(res.statusCode).toBe(302);
  await on.clickRecorder.flush();
}

describe("the live clicks socket", () => {
  it("pushes the owner's clicks, enriched, as they are stored", async () => {
    const user = await createUser(app);
    const link = await createLink(app, user);
    const client = await authenticated(url, user);
    await visit(app, link.short_code);
    await client.waitFor("clicks");
    expect(client.messages.find((m) => m.type === "clicks")).toEqual({
      type: "clicks",
      humans: 1,
      bots: 0,
      clicks: [
        {
          code: link.short_code,
          clicked_at: expect.any(String),
          country: "GB",
          city: "Newmarket",
          device: "desktop",
          browser: "Chrome",
          os: "Windows",
          referrer_host: "news.example.org",
          is_bot: false,
        },
      ],
    });
    client.socket.close();
  });

  it("does not send one account's clicks to another", async () => {
    const owner = await createUser(app);
    const link = await createLink(app, owner);
    const other = await createUser(app);
    const watching = await authenticated(url, other);
    const owning = await authenticated(url, owner);
    await visit(app, link.short_code);
    await owning.waitFor("clicks");
    expect(watching.messages.map((m) => m.type)).toEqual(["ready"]);
    watching.socket.close();
    owning.socket.close();
  });

  it("closes with 4401 when no authentication arrives in time", async () => {
    const client = connect(url);
    expect(await client.closed).toEqual({ code: LIVE_CLOSE.unauthorized, reason: "authentication required" });
  });

  it("closes with 4401 for a bad token, and with 4400 for an unreadable message", async () => {
    const bad = connect(url);
    await bad.opened;
    bad.send({ type: "auth", token: "not-a-jwt" });
    expect(await bad.closed).toEqual({ code: LIVE_CLOSE.unauthorized, reason: "invalid or expired token" });

    const garbled = connect(url);
    await garbled.opened;
    garbled.send("{nope");
    expect(await garbled.closed).toEqual({ code: LIVE_CLOSE.badMessage, reason: "unreadable message" });
  });

  it("closes with 4401 and sends nothing for every token it must not trust", async () => {
    const user = await createUser(app);
    const now = Math.floor(Date.now() / 1000);
    const claims = { sub: String(user.id), iat: now, exp: now + 600 };
    const { jwtSecret } = testConfig();
    const refused = {
      "signed with another key": forgeJwt(claims, { secret: "another-secret-that-is-at-least-32-characters" }),
      "alg: none": forgeJwt(claims, { alg: "none" }),
      expired: forgeJwt({ ...claims, iat: now - 1200, exp: now - 600 }, { secret: jwtSecret }),
      "for an account that does not exist": forgeJwt({ ...claims, sub: "999999" }, { secret: jwtSecret }),
    };
    for (const [kind, token] of Object.entries(refused)) {
      const client = connect(url);
      await client.opened;
      client.send({ type: "auth", token });
      expect(await client.closed, kind).toEqual({ code: LIVE_CLOSE.unauthorized, reason: "invalid or expired token" });
      expect(client.messages, kind).toEqual([]);
    }
    // The control: the same claims signed with the right key are accepted.
    const good = await authenticated(url, { ...user, token: forgeJwt(claims, { secret: jwtSecret }) });
    good.socket.close();

    // A valid token for an account that was disabled, then for one that was deleted.
    await db.query("UPDATE users SET is_active = false WHERE id = $1", [user.id]);
    const disabled = connect(url);
    await disabled.opened;
    disabled.send({ type: "auth", token: user.token });
    expect(await disabled.closed).toEqual({ code: LIVE_CLOSE.unauthorized, reason: "invalid or expired token" });
    expect(disabled.messages).toEqual([]);
    await db.query("DELETE FROM users WHERE id = $1", [user.id]);
    const deleted = connect(url);
    await deleted.opened;
    deleted.send({ type: "auth", token: user.token });
    expect(await deleted.closed).toEqual({ code: LIVE_CLOSE.unauthorized, reason: "invalid or expired token" });
    expect(deleted.messages).toEqual([]);
  });

  it("closes with 1013 (try again later), not 4401, when the account cannot be checked", async () => {
    const offline = await buildTestApp({ databaseUrl: "postgresql://nobody@127.0.0.1:1/none" });
    const client = connect(await listening(offline));
    await client.opened;
    client.send({ type: "auth", token: offline.signAccessToken(1) });
    expect(await client.closed).toEqual({ code: LIVE_CLOSE.tryAgainLater, reason: "cannot check the token now" });
    expect(client.messages).toEqual([]);
  });

  it("answers pings, and pings the client to keep proxies from dropping the socket", async () => {
    const user = await createUser(app);
    const client = await authenticated(url, user);
    client.send({ type: "ping" });
    await client.waitFor("pong");
    await expect.poll(() => client.pings, { timeout: 2000 }).toBeGreaterThanOrEqual(2);
    // Still open: the client answered every ping.
    expect(client.socket.readyState).toBe(WebSocket.OPEN);
    client.socket.close();
  });

  it("drops a peer that stops answering pings", async () => {
    const user = await createUser(app);
    const client = connect(url, { autoPong: false });
    await client.opened;
    client.send({ type: "auth", token: user.token });
    expect((await client.closed).code).toBe(1006); // terminated, no close frame
  });

  it("closes with 4401 when the access token expires", async () => {
    // Long enough to sign in and authenticate on a loaded CI machine (1 s raced it), short enough to wait for.
    const shortLived = await buildTestApp({ accessTokenTtlSeconds: 3 });
    const shortUrl = await listening(shortLived);
    const user = await createUser(shortLived);
    const client = await authenticated(shortUrl, user);
    expect(await client.closed).toEqual({ code: LIVE_CLOSE.unauthorized, reason: "token expired" });
  });

  it("holds at most LIVE_MAX_SOCKETS_PER_IP sockets from one address: the next closes at once with 1013", async () => {
    const held = Array.from({ length: 5 }, () => connect(url));
    await Promise.all(held.map((c) => c.opened));
    const extra = connect(url);
    expect(await extra.closed).toEqual({ code: LIVE_CLOSE.tryAgainLater, reason: "too many live connections from this address" });
    // A closed socket frees its place.
    held[0]!.socket.close();
    await held[0]!.closed;
    const again = connect(url);
    await again.opened;
    await expect.poll(() => again.socket.readyState, { timeout: 200 }).toBe(WebSocket.OPEN);
    for (const c of [...held.slice(1), again]) c.socket.close();
    await Promise.all([...held.slice(1), again].map((c) => c.closed));
  });

  it("closes with 1009 on a frame over 8 KiB", async () => {
    const client = connect(url);
    await client.opened;
    client.send("x".repeat(9 * 1024));
    expect((await client.closed).code).toBe(1009);
  });

  it("reports its health and how clicks fan out", async () => {
    const res = await app.inject({ url: "/api/ws/health" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: "ok", fanout: "local", connections: expect.any(Number) });
  });
});

describe.runIf(redisUrl)("across two instances sharing Redis", () => {
  it("delivers a click served by one instance to a dashboard connected to the other", async () => {
    const user = await createUser(first!);
    const link = await createLink(first!, user);
    const client = await authenticated(secondUrl!, user);
    expect((await second!.inject({ url: "/api/ws/health" })).json()).toMatchObject({ fanout: "redis", connections: 1 });
    await visit(first!, link.short_code);
    await client.waitFor("clicks");
    expect(client.messages.find((m) => m.type === "clicks")).toMatchObject({
      humans: 1,
      clicks: [{ code: link.short_code, country: "GB" }],
    });
    client.socket.close();
  });
});

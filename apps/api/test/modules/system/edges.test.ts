// Answers that Fastify, Node and plugins give before our handlers run must
// still be the contract's JSON. Over real HTTP: inject() skips the socket,
// the URL parser and the fast path, which is where these answers come from.
import { connect, type AddressInfo } from "node:net";
import { beforeEach, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { buildTestApp, resetDatabaseBeforeEach, testDb } from "../../helpers/build-test-app.js";
import { createLink, createUser } from "../../helpers/factories.js";
import { rawGet, rawRequest } from "../../helpers/raw-http.js";

const app = await buildTestApp({ corsOrigins: ["https://app.example"] });
await app.listen({ host: "127.0.0.1", port: 0 });
const port = (app.server.address() as AddressInfo).port;
const base = `http://127.0.0.1:${port}`;
const db = testDb();
resetDatabaseBeforeEach(db);
beforeEach(() => app.linkCache.clear());

const expectContractJson = (res: { headers: Record<string, string>; body: string }) => {
  expect(res.headers["content-type"]).toMatch(/^application\/json/);
  expect(res.headers["x-content-type-options"]).toBe("nosniff");
  const body = JSON.parse(res.body) as Record<string, unknown>;
  expect(Object.keys(body)).toEqual(["detail"]);
  return body.detail;
};

describe("URLs the router cannot match", () => {
  it.each([
    ["/api/urls/%", "an incomplete escape"],
    ["/api/urls/%E0%A4%A", "a truncated UTF-8 sequence"],
    ["/api/urls/%C0%AF", "an overlong UTF-8 encoding"],
    ["/api/urls/%FF", "a byte that is never UTF-8"],
    ["/abc%ZZ", "a short-code path"],
    ["/%ED%A0%80", "a UTF-16 surrogate"],
  ])("answers 400 in the contract's shape for %s (%s)", async (path) => {
    const res = await rawGet(port, path);
    expect(res.status).toBe(400);
    expect(expectContractJson(res)).toBe("The URL is not valid percent-encoded UTF-8");
  });

  it("answers 414 in the contract's shape for a parameter longer than any the API takes", async () => {
    for (const path of [`/api/urls/${"a".repeat(3000)}`, `/${"b".repeat(3000)}`]) {
      const res = await rawGet(port, path);
      expect(res.status).toBe(414);
      expect(expectContractJson(res)).toBe("URI Too Long");
    }
  });

  it("lets a long but plausible parameter reach the route's own rules", async () => {
    const user = await createUser(app);
    const res = await fetch(`${base}/api/urls/${"a".repeat(300)}`, { headers: user.headers });
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({ detail: "Invalid short code format" });
    const visit = await fetch(`${base}/${"a".repeat(300)}`, { redirect: "manual" });
    expect(visit.status).toBe(404);
    expect(await visit.json()).toEqual({ detail: "Short URL not found" });
  });
});

describe("requests Node cannot parse", () => {
  it("answers 400 JSON to a malformed header line", async () => {
    const res = await rawRequest(port, "GET /api/config HTTP/1.1\r\nHost: x\r\nthis is no header\r\n\r\n");
    expect(res.status).toBe(400);
    expect(expectContractJson(res)).toBe("Bad Request");
  });

  it("answers 431 JSON to headers over Node's limit", async () => {
    const res = await rawRequest(port, `GET /api/config HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(20_000)}\r\n\r\n`);
    expect(res.status).toBe(431);
    expect(expectContractJson(res)).toBe("Request Header Fields Too Large");
  });

  it("answers 400 JSON to a broken chunked body", async () => {
    const res = await rawRequest(
      port,
      "POST /api/auth/login-json HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n",
    );
    expect(res.status).toBe(400);
    expect(expectContractJson(res)).toBe("Bad Request");
  });
});

describe("trailing slashes, as seed 000 writes paths", () => {
  it.each(["/health/", "/api/health/", "/api/config/"])("%s answers as without the slash", async (path) => {
    const res = await fetch(`${base}${path}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    const withoutSlash = (await (await fetch(`${base}${path.slice(0, -1)}`)).json()) as object;
    const body = (await res.json()) as object;
    expect(Object.keys(body)).toEqual(Object.keys(withoutSlash));
  });
});

describe("bodies over the limit", () => {
  it("answers every oversized body with a readable 413, however it is sent", async () => {
    const big = new Uint8Array(1024 * 1024);
    for (let i = 0; i < 10; i++) {
      // Streamed (chunked, no Content-Length): the refusal comes while the client is still sending.
      const streamed = new ReadableStream({
        start(controller) {
          for (let part = 0; part < 4; part++) controller.enqueue(big);
          controller.close();
        },
      });
      const chunked = await fetch(`${base}/api/auth/login-json`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: streamed,
        duplex: "half",
      } as RequestInit);
      expect(chunked.status).toBe(413);
      expect(await chunked.json()).toEqual({ detail: "Request body is too large" });
      // Declared (Content-Length over the limit): refused before reading, then drained.
      const declared = await fetch(`${base}/api/auth/login-json`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: new Uint8Array(3 * 1024 * 1024),
      });
      expect(declared.status).toBe(413);
      expect(await declared.json()).toEqual({ detail: "Request body is too large" });
    }
  });
});

describe("a refused body the client keeps sending", () => {
  it("is read and discarded up to 16 MiB so the 413 stays readable, then the client is cut off", async () => {
    const MiB = 1024 * 1024;
    const socket = connect({ host: "127.0.0.1", port });
    await new Promise((resolve) => socket.once("connect", resolve));
    let answer = "";
    socket.on("data", (chunk: Buffer) => (answer += chunk.toString("latin1")));
    const closed = new Promise<void>((resolve) => socket.once("close", () => resolve()));
    socket.on("error", () => {}); // the cut-off arrives as a reset while we write
    socket.write(
      `POST /api/auth/login-json HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${256 * MiB}\r\n\r\n`,
    );
    const chunk = Buffer.alloc(MiB, 0x20);
    let sent = 0;
    let open = true;
    void closed.then(() => (open = false));
    while (open && sent < 256 * MiB) {
      if (!socket.write(chunk)) await Promise.race([new Promise((resolve) => socket.once("drain", resolve)), closed]);
      sent += MiB;
    }
    await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    socket.destroy();
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer).toContain('{"detail":"Request body is too large"}');
    // Cut off after the 16 MiB it reads, give or take what the sockets' buffers held: not after all 256.
    expect(sent).toBeGreaterThan(16 * MiB);
    expect(sent).toBeLessThan(64 * MiB);
  });
});

describe("security headers", () => {
  it("sends nosniff on every kind of answer", async () => {
    const user = await createUser(app);
    const link = await createLink(app, user);
    const answers = [
      await fetch(`${base}/api/config`),
      await fetch(`${base}/health`),
      await fetch(`${base}/api/nope`),
      await fetch(`${base}/api/urls`, { method: "PUT" }),
      await fetch(`${base}/api/urls`, { headers: user.headers }),
      await fetch(`${base}/${link.short_code}`, { redirect: "manual" }), // the Fastify route, then cached:
      await fetch(`${base}/${link.short_code}`, { redirect: "manual" }), // the fast path
      await fetch(`${base}/zzzzzzz`, { redirect: "manual" }),
    ];
    for (const res of answers) expect(res.headers.get("x-content-type-options"), res.url).toBe("nosniff");
  });
});

describe("lone UTF-16 surrogates (JSON's \\ud800 escape)", () => {
  const postJson = (path: string, body: string, headers: Record<string, string> = {}) =>
    fetch(`${base}${path}`, { method: "POST", headers: { ...headers, "content-type": "application/json" }, body });

  it("are refused with a 422 at the field before any query, and nothing is stored", async () => {
    const login = await postJson("/api/auth/login-json", '{"username": "\\ud800", "password": "x"}');
    expect(login.status).toBe(422);
    expect(await login.json()).toEqual({
      detail: [
        { loc: ["body", "username"], msg: "Text must be valid Unicode (a lone surrogate was sent)", type: "value_error.str.surrogate" },
      ],
    });
    // A password differing from another only there would otherwise hash as U+FFFD, the same as that other.
    const register = await postJson("/api/auth/register", '{"email": "s@example.com", "password": "correct horse \\udc00 battery"}');
    expect(register.status).toBe(422);
    expect(((await register.json()) as { detail: { loc: unknown }[] }).detail[0]!.loc).toEqual(["body", "password"]);
    const user = await createUser(app);
    const link = await postJson("/api/urls", '{"long_url": "https://example.com/\\ud83d"}', user.headers);
    expect(link.status).toBe(422);
    const key = await postJson("/api/keys", '{"name": "k\\udfff"}', user.headers);
    expect(key.status).toBe(422);
    expect(((await key.json()) as { detail: { loc: unknown }[] }).detail[0]!.loc).toEqual(["body", "name"]);
    // A pair is one character (an emoji) and passes.
    expect((await postJson("/api/keys", '{"name": "k\\ud83d\\ude00"}', user.headers)).status).toBe(201);
    const { rows } = await db.query(
      "SELECT (SELECT count(*) FROM users)::int AS users, (SELECT count(*) FROM links)::int AS links, (SELECT count(*) FROM api_keys)::int AS keys",
    );
    expect(rows[0]).toEqual({ users: 1, links: 0, keys: 1 });
  });
});

describe("NUL characters", () => {
  it("are refused with a 422 at the field, in JSON, forms and queries, and nothing is stored", async () => {
    const form = await fetch(`${base}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "username=a%00b%40example.com&password=whatever",
    });
    expect(form.status).toBe(422);
    expect(await form.json()).toEqual({
      detail: [{ loc: ["body", "username"], msg: "NUL characters are not allowed", type: "value_error.str.nul" }],
    });

    const register = await fetch(`${base}/api/auth/register`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "nul\u0000@example.com", password: "correct horse battery" }),
    });
    expect(register.status).toBe(422);
    expect(((await register.json()) as { detail: { loc: unknown }[] }).detail[0]!.loc).toEqual(["body", "email"]);

    const user = await createUser(app);
    const create = await fetch(`${base}/api/urls`, {
      method: "POST",
      headers: { ...user.headers, "content-type": "application/json" },
      body: JSON.stringify({ long_url: "https://example.com/\u0000" }),
    });
    expect(create.status).toBe(422);
    expect(((await create.json()) as { detail: { loc: unknown }[] }).detail[0]!.loc).toEqual(["body", "long_url"]);

    const query = await fetch(`${base}/api/urls?limit=1%00`, { headers: user.headers });
    expect(query.status).toBe(422);
    expect(((await query.json()) as { detail: { loc: unknown }[] }).detail[0]!.loc).toEqual(["query", "limit"]);

    const { rows } = await db.query("SELECT (SELECT count(*) FROM users)::int AS users, (SELECT count(*) FROM links)::int AS links");
    expect(rows[0]).toEqual({ users: 1, links: 0 });
  });
});

describe("CORS preflight refusals", () => {
  it("grants nothing to another origin, and never answers text/plain", async () => {
    const res = await fetch(`${base}/api/urls`, {
      method: "OPTIONS",
      headers: { origin: "https://evil.example", "access-control-request-method": "POST" },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
    expect(res.headers.get("content-type") ?? "").not.toMatch(/text\/plain/);
    expect(await res.text()).toBe("");
  });

  it("answers an OPTIONS that is no valid preflight with a bodyless 204", async () => {
    for (const headers of [{ origin: "https://app.example" }, {}] as Record<string, string>[]) {
      const res = await fetch(`${base}/api/urls`, { method: "OPTIONS", headers });
      expect(res.status).toBe(204);
      expect(res.headers.get("content-type")).toBeNull();
      expect(await res.text()).toBe("");
    }
  });
});

describe("the live socket's path", () => {
  const upgrade = (headers: string) =>
    rawRequest(port, `GET /api/ws HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n${headers}\r\n`);

  it("answers a plain GET with 426 JSON", async () => {
    const res = await fetch(`${base}/api/ws`);
    expect(res.status).toBe(426);
    expect(res.headers.get("upgrade")).toBe("websocket");
    expect(await res.json()).toEqual({ detail: "This endpoint is a WebSocket: connect with an Upgrade request" });
  });

  it.each([
    ["no key", "Sec-WebSocket-Version: 13\r\n"],
    ["a malformed key", "Sec-WebSocket-Key: short\r\nSec-WebSocket-Version: 13\r\n"],
    ["an unknown version", "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 99\r\n"],
    [
      "a malformed subprotocol list",
      "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: a,,b\r\n",
    ],
  ])("refuses a handshake with %s in the contract's JSON, not ws's HTML", async (_what, headers) => {
    const res = await upgrade(headers);
    expect(res.status).toBe(400);
    expect(expectContractJson(res)).toBe("Invalid WebSocket handshake");
  });

  it("still upgrades a valid handshake", async () => {
    const socket = new WebSocket(`ws://127.0.0.1:${port}/api/ws`);
    await new Promise((resolve, reject) => socket.once("open", resolve).once("error", reject));
    expect(socket.readyState).toBe(WebSocket.OPEN);
    socket.close();
  });
});

describe("while the server closes", () => {
  it("answers the contract's 503 with Connection: close", async () => {
    const closingApp = await buildTestApp();
    const closed = closingApp.close();
    const res = await closingApp.inject({ url: "/api/config" });
    await closed;
    expect(res.statusCode).toBe(503);
    expect(res.headers.connection).toBe("close");
    expect(res.json()).toEqual({ detail: "Service Unavailable" });
  });
});

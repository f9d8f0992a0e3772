// Requests Node's HTTP server would answer itself with an empty body, or hand
// to the upgrade listeners: over a raw socket, since fetch cannot send them.
import type { AddressInfo } from "node:net";
import { beforeEach, describe, expect, it } from "vitest";
import { buildTestApp, resetDatabaseBeforeEach, testDb } from "../../helpers/build-test-app.js";
import { createLink, createUser } from "../../helpers/factories.js";
import { rawRequest, type RawResponse } from "../../helpers/raw-http.js";

const app = await buildTestApp();
await app.listen({ host: "127.0.0.1", port: 0 });
const port = (app.server.address() as AddressInfo).port;
const db = testDb();
resetDatabaseBeforeEach(db);
beforeEach(() => app.linkCache.clear());

const detailOf = (res: RawResponse) => {
  expect(res.headers["content-type"]).toMatch(/^application\/json/);
  return (JSON.parse(res.body) as { detail: unknown }).detail;
};
const h2cUpgrade = "Connection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\nHTTP2-Settings: AAMAAABkAAQCAAAAAAIAAAAA\r\n";

describe("an HTTP/1.1 request without Host", () => {
  it("gets a 400 in the contract's shape and the connection closes", async () => {
    const res = await rawRequest(port, "GET /api/health HTTP/1.1\r\n\r\n");
    expect(res.status).toBe(400);
    expect(res.headers.connection).toBe("close");
    expect(detailOf(res)).toBe("An HTTP/1.1 request must carry a Host header");
  });

  it("is refused on a short link too, while HTTP/1.0 needs no Host", async () => {
    const user = await createUser(app);
    const link = await createLink(app, user, { long_url: "https://example.com/no-host" });
    expect((await rawRequest(port, `GET /${link.short_code} HTTP/1.1\r\n\r\n`)).status).toBe(400);
    const old = await rawRequest(port, `GET /${link.short_code} HTTP/1.0\r\n\r\n`);
    expect(old.status).toBe(302);
    expect(old.headers.location).toBe("https://example.com/no-host");
  });
});

describe("an Expect header other than 100-continue", () => {
  it("gets a 417 in the contract's shape", async () => {
    const res = await rawRequest(port, "GET /api/health HTTP/1.1\r\nHost: x\r\nExpect: banana\r\n\r\n");
    expect(res.status).toBe(417);
    expect(detailOf(res)).toBe("Expectation Failed: only 100-continue is understood");
  });
});

describe("an upgrade to anything but WebSocket (curl --http2 on plain HTTP)", () => {
  it("is answered as the plain request it also is, and the connection closes", async () => {
    const res = await rawRequest(port, `GET /health HTTP/1.1\r\nHost: x\r\n${h2cUpgrade}\r\n`);
    expect(res.status).toBe(200);
    expect(res.headers.connection).toBe("close");
    expect(JSON.parse(res.body)).toMatchObject({ status: "ok" });
  });

  it("redirects a short link, on the Fastify route and then on the fast path", async () => {
    const user = await createUser(app);
    const link = await createLink(app, user, { long_url: "https://example.com/h2c" });
    for (let visit = 0; visit < 2; visit++) {
      const res = await rawRequest(port, `GET /${link.short_code}?a=1 HTTP/1.1\r\nHost: x\r\n${h2cUpgrade}\r\n`);
      expect(res.status).toBe(302);
      expect(res.headers.location).toBe("https://example.com/h2c?a=1");
    }
  });

  it("with a body gets the contract's 400 (Node stops reading the socket at an upgrade)", async () => {
    const body = JSON.stringify({ username: "a@example.com", password: "x" });
    const res = await rawRequest(
      port,
      `POST /api/auth/login-json HTTP/1.1\r\nHost: x\r\n${h2cUpgrade}Content-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`,
    );
    expect(res.status).toBe(400);
    expect(detailOf(res)).toBe("Bad Request");
  });
});

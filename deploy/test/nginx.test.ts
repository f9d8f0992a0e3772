import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { LIVE_PATH, RESERVED_PATHS, SHORT_CODE_PATTERN, SPA_ROUTES } from "@shortly/contract";
import pg from "pg";
import { SHELL_HEADERS } from "../../apps/api/dist/plugins/spa.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { startStack } from "../stack.mjs";
import { hasNginx, json, raw } from "./helpers.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const nginxConf = readFileSync(path.join(root, "nginx.conf"), "utf8");

describe("nginx.conf agrees with the contract", () => {
  it("sends exactly the SPA's routes to the app shell", () => {
    const match = /location ~ \^\/\(([a-z|-]+)\)\(\/\.\*\)\?\$/.exec(nginxConf);
    expect(match).not.toBeNull();
    const inNginx = match![1]!.split("|").sort();
    const inContract = [...new Set(SPA_ROUTES.map((r) => r.split("/")[1]).filter(Boolean))].sort();
    expect(inNginx).toEqual(inContract);
  });

  it("sets the same security headers on the app shell as the API does", () => {
    for (const [name, value] of Object.entries(SHELL_HEADERS)) {
      expect(nginxConf.toLowerCase()).toContain(`add_header ${name} "${value}" always;`.toLowerCase());
    }
  });

  it("proxies exactly the short-code format, with any forwarded path, to the API", () => {
    // The same pattern, anchored after the leading slash of the path, then an optional path.
    expect(nginxConf).toContain(`location ~ "${SHORT_CODE_PATTERN.source.replace(/^\^/, "^/").replace(/\$$/, "(/.*)?$")}"`);
  });
});

describe.skipIf(!hasNginx())("through the real nginx", () => {
  let stack: Awaited<ReturnType<typeof startStack>>;
  let db: pg.Pool;
  let token: string;

  beforeAll(async () => {
    stack = await startStack({ apiInstances: 2 });
    db = new pg.Pool({ connectionString: stack.databaseUrl, max: 2 });
    const email = `nginx-${Date.now()}@example.com`;
    expect((await raw(`${stack.baseUrl}/api/auth/register`, { method: "POST", ...json({ email, password: "password123" }) })).status).toBe(
      201,
    );
    const login = await raw(`${stack.baseUrl}/api/auth/login-json`, {
      method: "POST",
      ...json({ username: email, password: "password123" }),
    });
    token = JSON.parse(login.body).access_token;
    // Several tests below each create a link: past the free plan's limit.
    await db.query("UPDATE users SET plan = 'pro' WHERE email = $1", [email]);
  });

  afterAll(async () => {
    await db?.end();
    await stack?.stop();
  });

  it.each(["/", "/login", "/dashboard", "/links", "/links/abc1234", "/account", "/admin", "/report"])(
    "serves the app shell with security headers at %s",
    async (url) => {
      const res = await raw(`${stack.baseUrl}${url}`);
      expect(res.status).toBe(200);
      expect(res.headers["content-type"]).toContain("text/html");
      expect(res.body).toContain('<div id="root">');
      expect(res.headers["cache-control"]).toBe("no-cache");
      expect(res.headers["content-security-policy"]).toContain("script-src 'self'");
      expect(res.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
      expect(res.headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    },
  );

  it("serves hashed assets immutable and gzip-compressed", async () => {
    const dir = path.join(root, "apps/web/dist/assets");
    const asset = readdirSync(dir)
      .filter((f) => f.endsWith(".js"))
      .sort((a, b) => statSync(path.join(dir, b)).size - statSync(path.join(dir, a)).size)[0]!;
    const plain = await raw(`${stack.baseUrl}/assets/${asset}`);
    const zipped = await raw(`${stack.baseUrl}/assets/${asset}`, { headers: { "accept-encoding": "gzip" } });
    expect(zipped.status).toBe(200);
    expect(zipped.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    expect(zipped.rawLength).toBeLessThan(plain.rawLength / 2);
  });

  it("answers unknown pages with the shell (status 404) and serves root files", async () => {
    const page = await raw(`${stack.baseUrl}/x/unknown/page`);
    expect(page.status).toBe(404);
    expect(page.body).toContain('<div id="root">');
    expect((await raw(`${stack.baseUrl}/favicon.svg`)).status).toBe(200);
  });

  it("passes the contract's 401 JSON through", async () => {
    const res = await raw(`${stack.baseUrl}/api/me`);
    expect(res.status).toBe(401);
    expect(res.headers["content-type"]).toContain("application/json");
    expect(JSON.parse(res.body)).toEqual({ detail: "Could not validate credentials" });
  });

  it("serves /health from the API", async () => {
    const res = await raw(`${stack.baseUrl}/health`);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ status: "ok" });
  });

  it("redirects a short code and keys the visitor by the client IP nginx forwarded", async () => {
    const created = await raw(`${stack.baseUrl}/api/urls`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ long_url: "https://example.com/via-nginx" }),
    });
    expect(created.status).toBe(201);
    const code = JSON.parse(created.body).short_code as string;
    // Visitors come from 127.0.0.2 and .3; nginx (trusted) connects to the API from 127.0.0.1.
    // The raw IP is not stored, but the visitor key is derived from it: forwarded
    // correctly, the two addresses give two keys; not forwarded, both would be nginx's.
    for (const localAddress of ["127.0.0.2", "127.0.0.3", "127.0.0.2"]) {
      const visit = await raw(`${stack.baseUrl}/${code}`, { localAddress, headers: { "user-agent": "NginxTest/1" } });
      expect(visit.status).toBe(302);
      expect(visit.headers.location).toBe("https://example.com/via-nginx");
    }
    const visitors = async () =>
      (
        await db.query("SELECT c.visitor FROM clicks c JOIN links l ON l.id = c.link_id WHERE l.code = $1 ORDER BY c.clicked_at, c.ctid", [
          code,
        ])
      ).rows.map((r: { visitor: string }) => r.visitor);
    await expect.poll(async () => (await visitors()).length, { timeout: 5000 }).toBe(3);
    const [first, second, third] = await visitors();
    expect(first).toBe(third);
    expect(first).not.toBe(second);
  });

  it("proxies the live-clicks WebSocket upgrade to the API", async () => {
    const socket = new WebSocket(`${stack.baseUrl.replace(/^http/, "ws")}${LIVE_PATH}`);
    const messages: string[] = [];
    socket.on("message", (data) => messages.push(String(data)));
    await new Promise<void>((resolve, reject) => {
      socket.once("open", () => resolve());
      socket.once("error", reject);
    });
    socket.send(JSON.stringify({ type: "auth", token }));
    await expect.poll(() => messages, { timeout: 5000 }).toEqual([JSON.stringify({ type: "ready" })]);
    socket.send(JSON.stringify({ type: "ping" }));
    await expect.poll(() => messages.at(-1), { timeout: 5000 }).toBe(JSON.stringify({ type: "pong" }));
    socket.close();
  });

  it("gives the API's JSON 404 for an unknown code, and never redirects a reserved path", async () => {
    const unknown = await raw(`${stack.baseUrl}/NoSuchCode`);
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body)).toEqual({ detail: "Short URL not found" });
    for (const reserved of RESERVED_PATHS) {
      const res = await raw(`${stack.baseUrl}/${reserved}`);
      expect([200, 404, 301], reserved).toContain(res.status);
      // nginx's own slash redirect (/api → /api/) is the only redirect a reserved path may get.
      if (res.status === 301) expect(res.headers.location, reserved).toMatch(new RegExp(`/${reserved}/$`));
    }
  });

  it("passes a browser the API's visitor pages, and a protected link's password form post", async () => {
    const browser = { accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "user-agent": "Mozilla/5.0 Chrome/131.0" };
    const unknown = await raw(`${stack.baseUrl}/NoSuchCode`, { headers: browser });
    expect(unknown.status).toBe(404);
    expect(unknown.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(unknown.body).toContain("<h1>There’s no link here</h1>");

    const created = await raw(`${stack.baseUrl}/api/urls`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ long_url: "https://example.com/locked", password: "open sesame" }),
    });
    expect(created.status).toBe(201);
    const code = JSON.parse(created.body).short_code as string;
    const form = await raw(`${stack.baseUrl}/${code}`, { headers: browser });
    expect(form.status).toBe(200);
    expect(form.body).toContain(`action="/${code}"`);
    const unlocked = await raw(`${stack.baseUrl}/${code}`, {
      method: "POST",
      headers: { ...browser, "content-type": "application/x-www-form-urlencoded" },
      body: "password=open+sesame",
    });
    expect(unlocked.status).toBe(302);
    expect(unlocked.headers.location).toBe("https://example.com/locked");
  });

  it("forwards a visitor's query and path to the API, which joins them to the destination", async () => {
    const created = await raw(`${stack.baseUrl}/api/urls`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ long_url: "https://docs.example.com/v2?lang=en", forward_path: true, redirect_type: 307 }),
    });
    expect(created.status).toBe(201);
    const code = JSON.parse(created.body).short_code as string;
    const deep = await raw(`${stack.baseUrl}/${code}/guide/intro?utm_source=news&lang=fr`);
    expect(deep.status).toBe(307);
    expect(deep.headers.location).toBe("https://docs.example.com/v2/guide/intro?lang=en&utm_source=news");
    // Dot segments and encoded slashes never redirect (nginx may resolve the dots to another page first).
    for (const tricky of [`/${code}/%2e%2e/admin`, `/${code}/a%2Fb`, `/${code}/..%2F..%2Fx`]) {
      const res = await raw(`${stack.baseUrl}${tricky}`);
      expect(res.status, tricky).toBeLessThan(500);
      expect(res.headers.location, tricky).toBeUndefined();
    }
    // Hashed assets and the API keep their own locations.
    expect((await raw(`${stack.baseUrl}/assets/none.js`)).status).toBe(404);
    expect((await raw(`${stack.baseUrl}/api/health`)).status).toBe(200);
  });

  it("refuses bodies over the API's limit with JSON 413", async () => {
    const res = await raw(`${stack.baseUrl}/api/auth/register`, {
      method: "POST",
      ...json({ email: "big@example.com", password: "x".repeat(100 * 1024) }),
    });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toEqual({ detail: "Request body is too large" });
  });

  it("spreads requests over both API instances, which share sessions and counts", async () => {
    const created = await raw(`${stack.baseUrl}/api/urls`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ long_url: "https://example.com/limited", max_clicks: 5 }),
    });
    const code = JSON.parse(created.body).short_code as string;
    // People's visits (a browser's User-Agent): only those use up a click limit.
    const visits = await Promise.all(
      Array.from({ length: 20 }, () => raw(`${stack.baseUrl}/${code}`, { headers: { "user-agent": "Mozilla/5.0 Chrome/131.0" } })),
    );
    expect(visits.filter((v) => v.status === 302)).toHaveLength(5);
    expect(visits.filter((v) => v.status === 410)).toHaveLength(15);
    const me = await Promise.all(
      Array.from({ length: 6 }, () => raw(`${stack.baseUrl}/api/me`, { headers: { authorization: `Bearer ${token}` } })),
    );
    expect(me.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
  });

  it("answers its own 503 HTML page when the API is down", async () => {
    await stack.stopApi(0);
    await stack.stopApi(1);
    const res = await raw(`${stack.baseUrl}/api/config`);
    expect(res.status).toBe(503);
    expect(res.headers["content-type"]).toContain("text/html");
    expect(res.body).toContain("503 Service Temporarily Unavailable");
    expect(res.headers["retry-after"]).toBe("10");
  });
});

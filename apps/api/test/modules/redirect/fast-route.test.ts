// Plain redirects of cached links are answered before Fastify: over real
// HTTP (inject() never reaches the server factory), they must answer and
// count exactly as the Fastify route does, and leave every other case to it.
import { connect } from "node:net";
import type { FastifyInstance } from "fastify";
import { beforeEach, describe, expect, it } from "vitest";
import { buildTestApp, resetDatabaseBeforeEach, testDb } from "../../helpers/build-test-app.js";
import { BROWSER, createLink, createUser } from "../../helpers/factories.js";

/** Listens on a free port and counts the requests that reach Fastify. */
async function listening(app: FastifyInstance) {
  const seen = { byFastify: 0 };
  app.addHook("onRequest", async () => {
    seen.byFastify++;
  });
  const url = await app.listen({ host: "127.0.0.1", port: 0 });
  return { url, seen };
}

const app = await buildTestApp();
const proxied = await buildTestApp({ trustProxy: ["127.0.0.1"] });
const direct = await listening(app);
const behindProxy = await listening(proxied);
const db = testDb();
resetDatabaseBeforeEach(db);
beforeEach(() => {
  app.linkCache.clear();
  proxied.linkCache.clear();
});

const CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const visit = (base: string, path: string, init: RequestInit = {}) => fetch(`${base}${path}`, { redirect: "manual", ...init });
const headersOf = (res: Response) => ({
  status: res.status,
  location: res.headers.get("location"),
  cacheControl: res.headers.get("cache-control"),
  contentLength: res.headers.get("content-length"),
});

describe("the redirect fast path", () => {
  it("answers a cached link like the Fastify route, without reaching Fastify, and records the click", async () => {
    const user = await createUser(app);
    const link = await createLink(app, user, { long_url: "https://example.com/landing?utm=1" });
    const init = { headers: { "user-agent": CHROME, referer: "https://news.example.net/post" } };
    const first = await visit(direct.url, `/${link.short_code}`, init); // a cache miss: Fastify looks it up
    const before = direct.seen.byFastify;
    const second = await visit(direct.url, `/${link.short_code}`, init);
    expect(direct.seen.byFastify).toBe(before);
    expect(headersOf(second)).toEqual(headersOf(first));
    expect(headersOf(second)).toEqual({
      status: 302,
      location: "https://example.com/landing?utm=1",
      cacheControl: "private, no-store",
      contentLength: "0",
    });

    // HEAD answers the same without counting.
    expect(headersOf(await visit(direct.url, `/${link.short_code}`, { method: "HEAD" }))).toEqual(headersOf(first));
    expect(direct.seen.byFastify).toBe(before);

    await app.clickRecorder.flush();
    const { rows } = await db.query(
      "SELECT links.code, referrer_host, browser FROM clicks JOIN links ON links.id = clicks.link_id ORDER BY clicks.clicked_at, clicks.ctid",
    );
    expect(rows).toEqual([
      { code: link.short_code, referrer_host: "news.example.net", browser: "Chrome" },
      { code: link.short_code, referrer_host: "news.example.net", browser: "Chrome" },
    ]);
  });

  it("answers visits that arrive together, GET and HEAD mixed, each once, and counts the GETs", async () => {
    const user = await createUser(app);
    const link = await createLink(app, user, { long_url: "https://example.com/together" });
    await visit(direct.url, `/${link.short_code}`, { method: "HEAD" }); // the cache miss, not a click
    const before = direct.seen.byFastify;
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        visit(direct.url, `/${link.short_code}`, { method: i % 2 ? "HEAD" : "GET", headers: { "user-agent": CHROME } }),
      ),
    );
    expect(answers.map(headersOf)).toEqual(
      answers.map(() => ({ status: 302, location: "https://example.com/together", cacheControl: "private, no-store", contentLength: "0" })),
    );
    expect(direct.seen.byFastify).toBe(before);
    // Header names in any case, as a raw client may send them; the first of repeated ones counts, as in Node.
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(new URL(direct.url).port), "127.0.0.1");
      let answer = "";
      socket.on("data", (chunk) => (answer += chunk.toString("latin1")));
      socket.on("end", () => resolve(answer)).on("error", reject);
      socket.end(
        `GET /${link.short_code} HTTP/1.1\r\nHost: s.example\r\nUSER-AGENT: ${CHROME}\r\nReFeReR: https://a.example/\r\n` +
          "referer: https://b.example/\r\nConnection: close\r\n\r\n",
      );
    });
    expect(raw).toMatch(/^HTTP\/1\.1 302 .*\r\nlocation: https:\/\/example\.com\/together\r\n/is);

    await app.clickRecorder.flush();
    const { rows } = await db.query("SELECT browser, referrer_host, count(*)::int AS n FROM clicks GROUP BY 1, 2 ORDER BY 2 NULLS FIRST");
    expect(rows).toEqual([
      { browser: "Chrome", referrer_host: null, n: 20 },
      { browser: "Chrome", referrer_host: "a.example", n: 1 },
    ]);
  });

  it("answers query strings itself, and leaves unknown codes, other paths and other methods to Fastify", async () => {
    const user = await createUser(app);
    const link = await createLink(app, user);
    await visit(direct.url, `/${link.short_code}`);
    const before = direct.seen.byFastify;
    expect((await visit(direct.url, "/NoSuchCode")).status).toBe(404);
    expect((await visit(direct.url, `/${link.short_code}?from=mail`)).status).toBe(302);
    expect((await visit(direct.url, `/${link.short_code}/more`)).status).toBe(404);
    expect((await visit(direct.url, `/${link.short_code}`, { method: "PUT" })).status).toBe(405);
    // POST gives a protected link its password; a link without one is simply visited (through Fastify).
    expect((await visit(direct.url, `/${link.short_code}`, { method: "POST" })).status).toBe(302);
    expect((await visit(direct.url, "/api/health")).status).toBe(200);
    expect(direct.seen.byFastify).toBe(before + 5);
    await app.clickRecorder.flush();
    expect((await db.query("SELECT count(*)::int AS n FROM clicks")).rows[0].n).toBe(3);
  });

  it("stops serving a link as soon as it is disabled, and never serves a link with a click limit", async () => {
    const user = await createUser(app);
    const link = await createLink(app, user);
    const limited = await createLink(app, user, { max_clicks: 3 });
    expect((await visit(direct.url, `/${link.short_code}`)).status).toBe(302);
    const patched = await app.inject({
      method: "PATCH",
      url: `/api/urls/${link.short_code}`,
      headers: user.headers,
      payload: { is_active: false },
    });
    expect(patched.statusCode).toBe(200);
    const disabled = await visit(direct.url, `/${link.short_code}`);
    expect(disabled.status).toBe(404);
    expect(await disabled.json()).toEqual({ detail: "Short URL not found" });

    const statuses = await Promise.all(
      Array.from({ length: 12 }, () => visit(direct.url, `/${limited.short_code}`, { headers: BROWSER }).then((r) => r.status)),
    );
    expect(statuses.filter((s) => s === 302)).toHaveLength(3);
    expect(statuses.filter((s) => s === 410)).toHaveLength(9);
  });

  it("takes the visitor's IP from X-Forwarded-For only when the proxy is trusted", async () => {
    const user = await createUser(app);
    const link = await createLink(app, user);
    const headers = { "x-forwarded-for": "81.2.69.142" }; // in GB
    for (const server of [direct, behindProxy]) {
      await visit(server.url, `/${link.short_code}`, { headers }); // cache miss: Fastify
      await visit(server.url, `/${link.short_code}`, { headers }); // fast path
    }
    await Promise.all([app.clickRecorder.flush(), proxied.clickRecorder.flush()]);
    const countries = (await db.query("SELECT country FROM clicks")).rows.map((r: { country: string | null }) => r.country).sort();
    expect(countries).toEqual(["GB", "GB", null, null]);
  });
});

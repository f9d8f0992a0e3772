// A seeded, reproducible fuzz of every registered route (short-code and health
// paths included) with hostile paths, queries, headers, bodies, encodings and
// methods, over real HTTP. Whatever arrives: no 5xx, every error is the
// contract's JSON with `detail`, and a refused request stores nothing.
// FUZZ_SEED and FUZZ_REQUESTS reproduce or lengthen a run.
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { buildTestApp, resetDatabaseBeforeEach, testDb } from "../helpers/build-test-app.js";
import { createLink, createUser } from "../helpers/factories.js";
import { forgeJwt } from "../helpers/forged-jwt.js";
import { rawRequest } from "../helpers/raw-http.js";

const SEED = Number(process.env.FUZZ_SEED ?? 20261202);
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 4000);

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  return { next, int, pick };
}

const app = await buildTestApp({ bodyLimitBytes: 64 * 1024 });
await app.listen({ host: "127.0.0.1", port: 0 });
const port = (app.server.address() as AddressInfo).port;
const db = testDb();
resetDatabaseBeforeEach(db);

const SEGMENTS = [
  "%",
  "%2",
  "%zz",
  "%00",
  "%C0%AF",
  "%ED%A0%80",
  "%FF%FE",
  "%E2%82",
  "..",
  "%2e%2e",
  "%2F",
  "%252F",
  "a".repeat(3000),
  "x".repeat(120),
  "ümlaut",
  "%F0%9F%98%80",
  "abc123",
  "Zz9",
  "api",
  "health",
  "assets",
  "login",
  "-",
  "_",
  "~",
  "*",
  "'",
  "%22",
  "%3Cscript%3E",
  "1",
  "0",
  "-1",
  "99999999999999999999",
  "1e9",
  "null",
  "true",
  "[]",
  "{}",
  "%20",
  "+",
  "%09",
];
const QUERIES = [
  "",
  "?",
  "?limit=5",
  "?limit=-1",
  "?limit=1e99",
  "?limit=abc",
  "?offset=%00",
  "?limit=%FF",
  "?a=1&a=2&a[]=3",
  "?range=7d",
  "?from=2026-13-45",
  "?to=%",
  "?q=%25_%5C",
  "?__proto__[x]=1",
  "?constructor[prototype][x]=1",
  `?x=${"y".repeat(5000)}`,
  "?tz=Europe/Berlin",
  "?limit=100&offset=99999999999",
];
const CONTENT_TYPES = [
  "application/json",
  "application/json; charset=utf-8",
  "application/x-www-form-urlencoded",
  "text/plain",
  "multipart/form-data; boundary=x",
  "application/xml",
  "",
  "application/json; charset=latin1",
  "APPLICATION/JSON",
  "application/jsonx",
];
const ACCEPTS = ["*/*", "application/json", "text/html", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8", "image/png", ""];
const METHODS = ["GET", "HEAD", "POST", "PATCH", "PUT", "DELETE", "OPTIONS", "TRACE", "PROPFIND", "get"];

/** The API's bodies, field by field, with a value each field's rules accept. */
type Rand = ReturnType<typeof prng>;
const PLAUSIBLE: Record<string, (rand: Rand) => unknown> = {
  email: (rand) => `fuzz-${rand.int(1e9)}@example.com`,
  username: () => "user@example.com",
  password: () => "correct horse battery",
  long_url: () => "https://example.com/page",
  custom_code: (rand) => `fz${rand.int(1e6)}`,
  expires_at: () => new Date(Date.now() + 86_400_000).toISOString(),
  max_clicks: () => 5,
  is_active: () => true,
  type: () => "auth",
  token: () => "abc",
};
const BODY_SHAPES = [
  ["username", "password"],
  ["email", "password"],
  ["long_url", "custom_code", "expires_at", "max_clicks"],
  ["long_url", "is_active", "expires_at", "max_clicks"],
  ["type", "token"],
];
const HOSTILE_VALUES: unknown[] = [
  "\u0000",
  "x".repeat(10_000),
  "",
  " ",
  "ümlaut@exämple.com",
  "\ud800",
  "%00",
  "<script>",
  "' OR 1=1 --",
  "javascript:alert(1)",
  0,
  -1,
  1.5,
  1e308,
  -0,
  true,
  null,
  [],
  {},
  ["a"],
  { $gt: "" },
];

/** A value its field would accept but for a NUL somewhere in it. */
function withNul(value: string, rand: ReturnType<typeof prng>): string {
  const at = rand.int(value.length + 1);
  return `${value.slice(0, at)}\u0000${value.slice(at)}`;
}

/** One of the API's body shapes, each field plausible, hostile, or plausible with a NUL: gets past "not an object" to the field rules. */
function fieldsBody(rand: ReturnType<typeof prng>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  const names =
    rand.next() < 0.8 ? rand.pick(BODY_SHAPES) : Array.from({ length: 1 + rand.int(3) }, () => rand.pick(Object.keys(PLAUSIBLE)));
  for (const name of names) {
    const plausible = PLAUSIBLE[name]!(rand);
    const roll = rand.next();
    body[name] = roll < 0.5 ? plausible : roll < 0.75 ? withNul(String(plausible), rand) : rand.pick(HOSTILE_VALUES);
  }
  return body;
}

/** Every byte percent-encoded (encodeURIComponent refuses lone surrogates; Buffer writes them as U+FFFD). */
const percent = (text: string) => [...Buffer.from(text, "utf8")].map((byte) => `%${byte.toString(16).padStart(2, "0")}`).join("");
const asForm = (body: Record<string, unknown>) =>
  Object.entries(body)
    .map(([k, v]) => `${percent(k)}=${percent(typeof v === "string" ? v : JSON.stringify(v))}`)
    .join("&");

function bodyFor(rand: ReturnType<typeof prng>, contentType: string): Buffer {
  if (rand.next() < 0.5) {
    const fields = fieldsBody(rand);
    return Buffer.from(contentType.includes("urlencoded") ? asForm(fields) : JSON.stringify(fields), "utf8");
  }
  const deep = (n: number): unknown => (n === 0 ? "leaf" : { a: deep(n - 1) });
  const candidates: Array<() => Buffer | string> = [
    () => "",
    () => "{",
    () => "null",
    () => "[]",
    () => '"just a string"',
    () => "12345678901234567890123456789",
    () => JSON.stringify({ email: "a\u0000@example.com", password: "correct horse battery" }),
    () => JSON.stringify({ username: "fuzz@example.com", password: "x".repeat(100_000) }),
    () =>
      JSON.stringify({
        long_url: rand.pick([
          "javascript:alert(1)",
          "https://example.com/\u0000",
          "http://[::1]/",
          "https://%",
          "ftp://x",
          "https://ex ample.com",
          "https://example.com/" + "é".repeat(3000),
        ]),
      }),
    () =>
      JSON.stringify({
        long_url: "https://example.com/ok",
        custom_code: rand.pick(SEGMENTS),
        max_clicks: rand.pick([0, -1, 1.5, 1e20, "1", null]),
        expires_at: rand.pick(["yesterday", "2000-01-01T00:00:00Z", 5, null]),
      }),
    () => JSON.stringify({ is_active: "yes", long_url: 42, extra: { __proto__: { admin: true } } }),
    () => '{"__proto__":{"polluted":true},"email":"p@example.com","password":"correct horse battery"}',
    () => '{"constructor":{"prototype":{"polluted":true}}}',
    () => JSON.stringify(deep(200)),
    () => Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc0, 0xaf, 0x22, 0x7d]), // {"a":"<invalid UTF-8>"}
    () => Buffer.from([0xef, 0xbb, 0xbf, 0x7b, 0x7d]), // a BOM before {}
    () => "username=a%00b&password=x",
    () => "username=%FF%FE&password=%",
    () => '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--x--',
    () => "\u0000".repeat(64),
    () => "x".repeat(70 * 1024),
  ];
  const made = rand.pick(candidates)();
  return typeof made === "string" ? Buffer.from(made, "utf8") : made;
}

describe("hostile requests to every route", () => {
  it(`never answer 5xx or anything but the contract's JSON, and store nothing when refused (seed ${SEED}, ${REQUESTS} requests)`, async () => {
    const rand = prng(SEED);
    const user = await createUser(app);
    const link = await createLink(app, user);
    const now = Math.floor(Date.now() / 1000);
    const tokens = [
      null,
      user.token,
      "garbage",
      forgeJwt({ sub: String(user.id), exp: now + 600 }, { alg: "none" }),
      forgeJwt({ sub: "-1", exp: now + 600 }, { secret: "test-secret-that-is-at-least-32-characters-long" }),
      forgeJwt({ sub: "1e999", exp: now + 600 }, { secret: "test-secret-that-is-at-least-32-characters-long" }),
    ];
    const templates = [...new Set(app.registeredRoutes.map((r) => r.url))];
    expect(templates).toEqual(expect.arrayContaining(["/:code", "/health", "/api/health", "/api/urls/:short_code"]));
    // A digest of every stored row (not only counts): a refused PATCH that changed a field shows too.
    const digest = (table: string) => `(SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM ${table} t)`;
    const counts = async () =>
      (await db.query(`SELECT ${digest("users")} AS users, ${digest("links")} AS links, ${digest("refresh_tokens")} AS sessions`))
        .rows[0] as Record<string, string>;
    const failures: string[] = [];

    for (let i = 0; i < REQUESTS; i++) {
      // Mostly a registered method and route, so requests get past routing to the rules behind it.
      const route = rand.pick(app.registeredRoutes);
      const template = rand.next() < 0.8 ? route.url : rand.pick(templates);
      let path = template.replace(/:[a-z_]+/g, () => (rand.next() < 0.3 ? link.short_code : rand.pick(SEGMENTS)));
      if (rand.next() < 0.15) path += "/" + rand.pick(SEGMENTS);
      if (rand.next() < 0.1) path += "/";
      path += rand.pick(QUERIES);
      const method = rand.next() < 0.8 ? route.method : rand.pick(METHODS);
      const contentType =
        rand.next() < 0.5 ? rand.pick(["application/json", "application/x-www-form-urlencoded"]) : rand.pick(CONTENT_TYPES);
      const body = ["GET", "HEAD"].includes(method) && rand.next() < 0.8 ? Buffer.alloc(0) : bodyFor(rand, contentType);
      const token = rand.pick(tokens);
      const upgrade = rand.next() < 0.1;
      const headers = [
        "Host: 127.0.0.1",
        upgrade ? "Connection: Upgrade" : "Connection: close",
        `Content-Length: ${body.length}`,
        contentType && `Content-Type: ${contentType}`,
        token && `Authorization: Bearer ${token}`,
        `Accept: ${rand.pick(ACCEPTS)}`,
        rand.next() < 0.2 && `Origin: ${rand.pick(["https://evil.example", "null", "http://127.0.0.1"])}`,
        rand.next() < 0.2 && `X-Forwarded-For: ${rand.pick(["1.2.3.4", "not-an-ip", "::1, 10.0.0.1", "%00"])}`,
        rand.next() < 0.2 && `Cookie: refresh_token=${rand.pick(["%00", "x".repeat(4000), "a%ZZ", "valid-looking-but-not"])}`,
        rand.next() < 0.1 && `User-Agent: ${rand.pick(["", "Slackbot-LinkExpanding 1.0", "\u00e9\u00e8", "x".repeat(8000)])}`,
        rand.next() < 0.05 && "Transfer-Encoding: chunked",
        // Upgrade requests reach the WebSocket handshake, valid or not.
        ...(upgrade
          ? [
              "Upgrade: websocket",
              `Sec-WebSocket-Key: ${rand.pick(["dGhlIHNhbXBsZSBub25jZQ==", "short", ""])}`,
              `Sec-WebSocket-Version: ${rand.pick(["13", "8", "99"])}`,
            ]
          : []),
      ].filter(Boolean);
      const before = await counts();
      const head = Buffer.from(`${method} ${path} HTTP/1.1\r\n${headers.join("\r\n")}\r\n\r\n`, "latin1");
      const res = await rawRequest(port, Buffer.concat([head, body])).catch((error: Error) => ({
        status: 0,
        headers: {} as Record<string, string>,
        body: String(error),
      }));
      const what = `#${i} ${method} ${path.slice(0, 120)} → ${res.status}`;
      if (res.status === 101) continue; // a valid handshake to /api/ws: the socket is open, nothing to check here
      if (res.status === 0 || res.status >= 500) failures.push(`${what}: ${res.body.slice(0, 200)}`);
      const hasBody = method !== "HEAD" && res.status !== 204 && res.status !== 304;
      if (res.status >= 400 && hasBody) {
        const isJson = (res.headers["content-type"] ?? "").startsWith("application/json");
        let detail: unknown;
        try {
          detail = (JSON.parse(res.body) as { detail?: unknown }).detail;
        } catch {
          detail = undefined;
        }
        // A browser visiting a short link gets the visitor pages (modules/redirect/visitor-pages.ts) instead.
        const visitorPage =
          !path.startsWith("/api/") &&
          (res.headers["content-type"] ?? "").startsWith("text/html") &&
          /<title>[^<]* · Shortly<\/title>/.test(res.body);
        if (!visitorPage && (!isJson || detail === undefined))
          failures.push(`${what}: not the contract's JSON: ${res.headers["content-type"]} ${res.body.slice(0, 120)}`);
      }
      if (res.status >= 400) {
        const after = await counts();
        if (JSON.stringify(after) !== JSON.stringify(before))
          failures.push(`${what}: a refused request changed stored rows ${JSON.stringify(before)} → ${JSON.stringify(after)}`);
      }
    }
    expect(failures).toEqual([]);
    // The app still serves after all of it.
    const health = await rawRequest(port, "GET /api/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    expect(health.status).toBe(200);
  }, 180_000);
});

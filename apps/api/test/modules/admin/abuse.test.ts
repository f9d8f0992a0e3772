// Admins find any link and block it, block hosts (and every spelling of
// them), and read visitors' reports; blocks hold on a second instance at once.
import { describe, expect, it } from "vitest";
import { parseEnv, rateLimitConfig } from "../../../src/config.js";
import { HOST_BLOCK_LOCK } from "../../../src/db/link-sql.js";
import { resetDatabaseBeforeEach, testDb } from "../../helpers/build-test-app.js";
import { BROWSER, createLink, createUser } from "../../helpers/factories.js";
import { BROWSER_ACCEPT, listeningApp } from "../../helpers/listening-app.js";
import { reachableRedisUrl } from "../../helpers/redis.js";
import { whileInsertsRefused } from "../../helpers/refused-inserts.js";

const redisUrl = await reachableRedisUrl();
const first = await listeningApp({ redisUrl });
const second = await listeningApp({ redisUrl });
const limited = await listeningApp({ rateLimits: { ...rateLimitConfig(parseEnv({}, () => "")), enabled: true, reportsPerHour: 2 } });
const db = testDb();
resetDatabaseBeforeEach(db);

async function accounts() {
  const admin = await createUser(first.app);
  await db.query("UPDATE users SET role = 'admin' WHERE id = $1", [admin.id]);
  const owner = await createUser(first.app, { email: "owner@example.com" });
  await db.query("UPDATE users SET plan = 'pro' WHERE id = $1", [owner.id]);
  return { admin, owner };
}
const visit = async (on: { url: string }, code: string, accept?: string) => {
  const res = await fetch(`${on.url}/${code}`, { redirect: "manual", headers: { ...BROWSER, ...(accept ? { accept } : {}) } });
  return { status: res.status, body: await res.text() };
};

describe("admin: links and abuse", () => {
  it("searches every account's links by code, destination, host and owner, and by state", async () => {
    const { admin, owner } = await accounts();
    await createLink(first.app, owner, { custom_code: "promo1", long_url: "https://shop.example.com/a" });
    await createLink(first.app, owner, { custom_code: "other1", long_url: "https://news.example.org/b" });
    const search = async (query: string) =>
      (await first.app.inject({ url: `/api/admin/links?${query}`, headers: admin.headers })).json() as {
        total: number;
        items: Array<{ short_code: string; owner_email: string }>;
      };
    expect((await search("q=promo")).items.map((l) => l.short_code)).toEqual(["promo1"]);
    expect((await search("q=OWNER@example")).total).toBe(2);
    expect((await search("host=example.com")).items.map((l) => l.short_code)).toEqual(["promo1"]);
    expect((await search("host=news.example.org")).items[0]).toMatchObject({ short_code: "other1", owner_email: "owner@example.com" });
    expect((await search("state=blocked")).total).toBe(0);
    // A filter that is no host name matches nothing (it used to reach PostgreSQL as a NUL and fail).
    for (const notAHost of [".", "..", "-", "%25", "http%3A%2F%2F", "%5B%3A%3A1%5D", "%EF%BF%BD"]) {
      const res = await first.app.inject({ url: `/api/admin/links?host=${notAHost}`, headers: admin.headers });
      expect(res.statusCode, notAHost).toBe(200);
      expect(res.json()).toMatchObject({ items: [], total: 0 });
    }
  });

  it("blocks a link: 410 with a page or JSON on every instance at once, and its owner cannot change it", async () => {
    const { admin, owner } = await accounts();
    const link = await createLink(first.app, owner, { long_url: "https://example.com/phish" });
    for (const on of [first, second]) expect((await visit(on, link.short_code)).status).toBe(302);
    const res = await first.app.inject({
      method: "PATCH",
      url: `/api/admin/links/${link.short_code}`,
      headers: admin.headers,
      payload: { blocked: true, reason: "phishing" },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      short_code: link.short_code,
      blocked: true,
      blocked_reason: "phishing",
      owner_email: "owner@example.com",
    });
    for (const on of [first, second]) {
      await expect.poll(async () => (await visit(on, link.short_code)).status, { timeout: 1000, interval: 20 }).toBe(410);
      expect(JSON.parse((await visit(on, link.short_code, "application/json")).body)).toEqual({ detail: "This link has been disabled" });
      const page = await visit(on, link.short_code, BROWSER_ACCEPT);
      expect(page.body).toContain("<h1>This link has been disabled</h1>");
      expect(page.body).not.toContain("example.com/phish");
    }
    const item = await first.app.inject({ url: `/api/urls/${link.short_code}`, headers: owner.headers });
    expect(item.json()).toMatchObject({ blocked: true });
    const reenable = await first.app.inject({
      method: "PATCH",
      url: `/api/urls/${link.short_code}`,
      headers: owner.headers,
      payload: { is_active: true },
    });
    expect(reenable.statusCode).toBe(403);
    expect(reenable.json()).toEqual({ detail: "This link was disabled by an administrator and cannot be changed" });
    const deleted = await first.app.inject({ method: "DELETE", url: `/api/urls/${link.short_code}`, headers: owner.headers });
    expect(deleted.statusCode).toBe(403);

    await first.app.inject({
      method: "PATCH",
      url: `/api/admin/links/${link.short_code}`,
      headers: admin.headers,
      payload: { blocked: false },
    });
    for (const on of [first, second])
      await expect.poll(async () => (await visit(on, link.short_code)).status, { timeout: 1000, interval: 20 }).toBe(302);
    const audit = (await first.app.inject({ url: "/api/admin/audit", headers: admin.headers })).json().items;
    expect(audit.map((e: { action: string; target: string }) => `${e.action} ${e.target}`)).toEqual([
      `link.unblock ${link.short_code}`,
      `link.block ${link.short_code}`,
    ]);
  });

  it("refuses every spelling of a blocked host on create and edit, and stops existing links to it at once", async () => {
    const { admin, owner } = await accounts();
    const existing = await createLink(first.app, owner, { long_url: "https://login.evil.example/account" });
    const elsewhere = await createLink(first.app, owner, { long_url: "https://notevil.example/" });
    const idn = await createLink(first.app, owner, { long_url: "https://bücher.example/" });
    for (const on of [first, second]) expect((await visit(on, existing.short_code)).status).toBe(302);

    for (const host of ["https://EVIL.example./phish", "bücher.example"]) {
      const res = await first.app.inject({
        method: "POST",
        url: "/api/admin/blocked-hosts",
        headers: admin.headers,
        payload: { host, reason: "phishing kit" },
      });
      expect(res.statusCode, host).toBe(201);
    }
    const hosts = (await first.app.inject({ url: "/api/admin/blocked-hosts", headers: admin.headers }))
      .json()
      .items.map((h: { host: string }) => h.host);
    expect(hosts.sort()).toEqual(["evil.example", "xn--bcher-kva.example"]);

    for (const longUrl of [
      "https://evil.example/",
      "https://EVIL.EXAMPLE/x",
      "https://evil.example./x",
      "https://user:pw@evil.example/",
      "https://evil.example:8443/",
      "https://deep.sub.evil.example/",
      "https://BÜCHER.example/",
      "https://xn--bcher-kva.example/",
      "https://ｅｖｉｌ.example/",
    ]) {
      const created = await first.app.inject({ method: "POST", url: "/api/urls", headers: owner.headers, payload: { long_url: longUrl } });
      expect(created.statusCode, longUrl).toBe(422);
      expect(created.json().detail[0], longUrl).toMatchObject({ loc: ["body", "long_url"], msg: "This destination is blocked" });
      const edited = await first.app.inject({
        method: "PATCH",
        url: `/api/urls/${elsewhere.short_code}`,
        headers: owner.headers,
        payload: { long_url: longUrl },
      });
      expect(edited.statusCode, longUrl).toBe(422);
    }
    // A host that merely ends in the same letters is not a subdomain.
    expect((await visit(first, elsewhere.short_code)).status).toBe(302);

    for (const on of [first, second]) {
      await expect.poll(async () => (await visit(on, existing.short_code)).status, { timeout: 1000, interval: 20 }).toBe(410);
      expect((await visit(on, idn.short_code)).status).toBe(410);
    }
    expect((await first.app.inject({ url: "/api/admin/links?state=blocked", headers: admin.headers })).json().total).toBe(2);

    const removed = await first.app.inject({ method: "DELETE", url: "/api/admin/blocked-hosts/EVIL.example", headers: admin.headers });
    expect(removed.statusCode).toBe(204);
    for (const on of [first, second])
      await expect.poll(async () => (await visit(on, existing.short_code)).status, { timeout: 1000, interval: 20 }).toBe(302);
    const again = await first.app.inject({ method: "DELETE", url: "/api/admin/blocked-hosts/evil.example", headers: admin.headers });
    expect(again.statusCode).toBe(404);
    expect(again.json()).toEqual({ detail: "Blocked host not found" });
    const invalid = await first.app.inject({
      method: "POST",
      url: "/api/admin/blocked-hosts",
      headers: admin.headers,
      payload: { host: "not a host" },
    });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.json().detail[0].loc).toEqual(["body", "host"]);
  });

  it("lists blocked hosts a page at a time, newest first, searchable by part of the name", async () => {
    const { admin } = await accounts();
    await db.query(
      "INSERT INTO blocked_hosts (host, reason, created_at) SELECT 'h' || i || '.example', 'listed', now() - i * interval '1 minute' FROM generate_series(1, 60) i",
    );
    const list = async (query: string) => first.app.inject({ url: `/api/admin/blocked-hosts${query}`, headers: admin.headers });
    const first20 = await list("");
    expect(first20.statusCode).toBe(200);
    expect(first20.json()).toMatchObject({ total: 60, limit: 20, offset: 0 });
    expect(
      first20
        .json()
        .items.map((h: { host: string }) => h.host)
        .slice(0, 2),
    ).toEqual(["h1.example", "h2.example"]);
    const later = (await list("?limit=5&offset=55")).json();
    expect(later.items.map((h: { host: string }) => h.host)).toEqual([
      "h56.example",
      "h57.example",
      "h58.example",
      "h59.example",
      "h60.example",
    ]);
    expect((await list("?q=H5")).json().total).toBe(11); // h5, h50–h59
    expect((await list("?q=h5.")).json().items.map((h: { host: string }) => h.host)).toEqual(["h5.example"]);
    // Stored in punycode, found as typed.
    await db.query("INSERT INTO blocked_hosts (host, reason) VALUES ('xn--bcher-kva.example', 'idn')");
    expect((await list(`?q=${encodeURIComponent("Bücher")}`)).json().items.map((h: { host: string }) => h.host)).toEqual([
      "xn--bcher-kva.example",
    ]);
    for (const [query, field] of [
      ["?limit=101", "limit"],
      ["?offset=-1", "offset"],
      ["?limit=ten", "limit"],
    ]) {
      const res = await list(query!);
      expect(res.statusCode, query).toBe(422);
      expect(res.json().detail[0].loc).toEqual(["query", field]);
    }
  });

  it("stores a host block and its unblocking with their audit rows, or neither", async () => {
    const { admin, owner } = await accounts();
    const link = await createLink(first.app, owner, { long_url: "https://spam.example/offer" });
    const block = () =>
      first.app.inject({
        method: "POST",
        url: "/api/admin/blocked-hosts",
        headers: admin.headers,
        payload: { host: "spam.example", reason: "spam" },
      });
    const unblock = () => first.app.inject({ method: "DELETE", url: "/api/admin/blocked-hosts/spam.example", headers: admin.headers });
    const stored = async () => ({
      hosts: (await db.query("SELECT count(*)::int AS n FROM blocked_hosts")).rows[0].n,
      blocked: (await db.query("SELECT blocked_at IS NOT NULL AS b FROM links WHERE code = $1", [link.short_code])).rows[0].b,
      audit: (await db.query("SELECT action, target, reason FROM audit_log ORDER BY id")).rows,
    });
    // The audit row cannot be written: the block must not be stored either.
    expect(await whileInsertsRefused(db, "audit_log", "TRUE", block)).toMatchObject({ statusCode: 500 });
    expect(await stored()).toEqual({ hosts: 0, blocked: false, audit: [] });
    expect((await block()).statusCode).toBe(201);
    expect(await whileInsertsRefused(db, "audit_log", "TRUE", unblock)).toMatchObject({ statusCode: 500 });
    expect(await stored()).toMatchObject({ hosts: 1, blocked: true });
    expect((await unblock()).statusCode).toBe(204);
    expect(await stored()).toEqual({
      hosts: 0,
      blocked: false,
      audit: [
        { action: "host.block", target: "spam.example", reason: "spam (1 links stopped)" },
        { action: "host.unblock", target: "spam.example", reason: "(1 links restored)" },
      ],
    });
  });

  it("leaves no unblocked link to a host blocked while links to it are being created", async () => {
    const { admin, owner } = await accounts();
    const creates = Array.from({ length: 40 }, (_, i) =>
      first.app.inject({ method: "POST", url: "/api/urls", headers: owner.headers, payload: { long_url: `https://race.example/${i}` } }),
    );
    const block = new Promise((resolve) => setTimeout(resolve, 5)).then(() =>
      second.app.inject({ method: "POST", url: "/api/admin/blocked-hosts", headers: admin.headers, payload: { host: "race.example" } }),
    );
    const [results, blocked] = await Promise.all([Promise.all(creates), block]);
    expect(blocked.statusCode).toBe(201);
    expect(results.every((r) => r.statusCode === 201 || r.statusCode === 422)).toBe(true);
    const { rows } = await db.query("SELECT count(*)::int AS n FROM links WHERE host = 'race.example' AND blocked_at IS NULL");
    expect(rows[0].n).toBe(0);
  });

  it("makes a host block wait for a link write in progress, then stop that link too", async () => {
    const { admin, owner } = await accounts();
    // A create caught between its blocklist check and its commit, as links.repository writes it: holding the shared lock.
    const writer = await db.connect();
    try {
      await writer.query("BEGIN");
      await writer.query("SELECT pg_advisory_xact_lock_shared($1::bigint)", [HOST_BLOCK_LOCK]);
      await writer.query(
        "INSERT INTO links (code, long_url, host, user_id, updated_at) VALUES ('inflight1', 'https://slow.example/x', 'slow.example', $1, now())",
        [owner.id],
      );
      let done = false;
      const block = first.app
        .inject({ method: "POST", url: "/api/admin/blocked-hosts", headers: admin.headers, payload: { host: "slow.example" } })
        .then((res) => ((done = true), res));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(done).toBe(false); // the block waits for the write
      await writer.query("COMMIT");
      expect((await block).statusCode).toBe(201);
    } finally {
      writer.release();
    }
    const { rows } = await db.query("SELECT blocked_at IS NOT NULL AS blocked FROM links WHERE code = 'inflight1'");
    expect(rows[0].blocked).toBe(true);
  });

  it("takes visitors' reports by short URL or code, lists them with the link's state, and limits them per address", async () => {
    const { admin, owner } = await accounts();
    const link = await createLink(first.app, owner, { long_url: "https://example.com/reported" });
    const report = (on: { app: typeof first.app }, body: object) => on.app.inject({ method: "POST", url: "/api/reports", payload: body });
    const byUrl = await report(first, { link: `http://sho.rt/${link.short_code}`, reason: "asks for my bank password" });
    expect(byUrl.statusCode).toBe(201);
    expect(byUrl.json()).toEqual({ short_code: link.short_code });
    expect((await report(first, { link: link.short_code, reason: "it is phishing, clearly" })).statusCode).toBe(201);
    expect((await report(first, { link: "NoSuchCode", reason: "does not matter here" })).statusCode).toBe(404);
    const short = await report(first, { link: link.short_code, reason: "bad" });
    expect(short.statusCode).toBe(422);
    expect(short.json().detail[0].loc).toEqual(["body", "reason"]);

    const listed = (await first.app.inject({ url: "/api/admin/reports", headers: admin.headers })).json();
    expect(listed.total).toBe(2);
    expect(listed.items[0]).toMatchObject({
      short_code: link.short_code,
      link_state: "active",
      blocked: false,
      reason: "it is phishing, clearly",
    });

    const target = await createLink(limited.app, await createUser(limited.app), { long_url: "https://example.com/x" });
    for (let i = 0; i < 2; i++) expect((await report(limited, { link: target.short_code, reason: "spam spam spam" })).statusCode).toBe(201);
    const refused = await report(limited, { link: target.short_code, reason: "spam spam spam" });
    expect(refused.statusCode).toBe(429);
    expect(refused.headers["retry-after"]).toBeDefined();
  });
});

// Password-protected links over real HTTP: the form for browsers, 401 JSON
// for API clients, the right password as the click (limits applied), wrong
// ones refused and rate-limited per link and address.
import { describe, expect, it } from "vitest";
import { rateLimitConfig, parseEnv } from "../../../src/config.js";
import { resetDatabaseBeforeEach, testDb } from "../../helpers/build-test-app.js";
import { BROWSER, createLink, createUser } from "../../helpers/factories.js";
import { BROWSER_ACCEPT, listeningApp } from "../../helpers/listening-app.js";

const server = await listeningApp();
const limited = await listeningApp({ rateLimits: { ...rateLimitConfig(parseEnv({}, () => "")), enabled: true, linkPasswordPerHour: 3 } });
const db = testDb();
resetDatabaseBeforeEach(db);

const PASSWORD = "correct horse";
const DESTINATION = "https://example.com/members-only?id=7";

const open = (base: string, code: string, accept = BROWSER_ACCEPT) =>
  fetch(`${base}/${code}`, { redirect: "manual", headers: { ...BROWSER, accept } });
const unlock = (base: string, code: string, password: string | null, accept = BROWSER_ACCEPT) =>
  fetch(`${base}/${code}`, {
    method: "POST",
    redirect: "manual",
    headers: { ...BROWSER, accept, "content-type": "application/x-www-form-urlencoded" },
    body: password === null ? "" : new URLSearchParams({ password }).toString(),
  });

async function protectedLink(on = server, body: Record<string, unknown> = {}) {
  const user = await createUser(on.app);
  const link = await createLink(on.app, user, { long_url: DESTINATION, password: PASSWORD, ...body });
  return { user, code: link.short_code };
}

const clicksStored = async (on = server) => {
  await on.app.clickRecorder.flush();
  return (await db.query("SELECT count(*)::int AS n FROM clicks")).rows[0].n as number;
};

describe("password-protected links", () => {
  it("are stored as a bcrypt hash and shown as has_password, never the password", async () => {
    const { user, code } = await protectedLink();
    const { rows } = await db.query("SELECT password_hash FROM links WHERE code = $1", [code]);
    expect(rows[0].password_hash).toMatch(/^\$2b\$/);
    const item = await server.app.inject({ url: `/api/urls/${code}`, headers: user.headers });
    expect(item.json()).toMatchObject({ has_password: true, clicks_used: 0 });
    expect(item.body).not.toContain(PASSWORD);
    expect(item.body).not.toContain("$2b$");
  });

  it("take 8 to 72 bytes, on create and PATCH, and null removes the password", async () => {
    const user = await createUser(server.app);
    for (const [password, ok] of [
      ["1234567", false],
      ["ääää", true], // 8 bytes in UTF-8
      ["x".repeat(72), true],
      ["x".repeat(73), false],
      [12345678, false],
    ] as const) {
      const res = await server.app.inject({
        method: "POST",
        url: "/api/urls",
        headers: user.headers,
        payload: { long_url: DESTINATION, password },
      });
      expect(res.statusCode, String(password)).toBe(ok ? 201 : 422);
      if (!ok) expect(res.json().detail[0].loc).toEqual(["body", "password"]);
      if (ok) await db.query("DELETE FROM links");
    }
    const link = await createLink(server.app, user, { long_url: DESTINATION });
    const set = await server.app.inject({
      method: "PATCH",
      url: `/api/urls/${link.short_code}`,
      headers: user.headers,
      payload: { password: PASSWORD },
    });
    expect(set.json().has_password).toBe(true);
    const removed = await server.app.inject({
      method: "PATCH",
      url: `/api/urls/${link.short_code}`,
      headers: user.headers,
      payload: { password: null },
    });
    expect(removed.json().has_password).toBe(false);
    expect((await db.query("SELECT password_hash FROM links")).rows[0].password_hash).toBeNull();
  });

  it("show a browser the form (200, no-store, no destination) and an API client a 401", async () => {
    const { code } = await protectedLink();
    const page = await open(server.url, code);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(page.headers.get("cache-control")).toBe("no-store");
    expect(html).toContain(`<form method="post" action="/${code}">`);
    expect(html).toContain('name="password" type="password"');
    expect(html).not.toContain("example.com/members-only");
    const api = await open(server.url, code, "application/json");
    expect(api.status).toBe(401);
    expect(await api.json()).toEqual({ detail: "This link is protected by a password" });
    expect(await clicksStored()).toBe(0);
  });

  it("redirect on the right password, counting the click; a wrong one gets the form again with a message", async () => {
    const { user, code } = await protectedLink();
    const wrong = await unlock(server.url, code, "not the password");
    const html = await wrong.text();
    expect(wrong.status).toBe(401);
    expect(html).toContain("That password is not right");
    expect(html).toContain('aria-invalid="true"');
    expect(html).not.toContain("members-only");
    const empty = await unlock(server.url, code, null);
    expect(empty.status).toBe(401);

    const right = await unlock(server.url, code, PASSWORD);
    expect(right.status).toBe(302);
    expect(right.headers.get("location")).toBe(DESTINATION);
    expect(right.headers.get("cache-control")).toBe("private, no-store");
    expect(await clicksStored()).toBe(1);
    const stats = await server.app.inject({ url: `/api/urls/${code}/stats`, headers: user.headers });
    expect(stats.json().total_clicks).toBe(1);
  });

  it("answer API clients in JSON: 401 for a wrong password, 422 without one, 302 for the right one", async () => {
    const { code } = await protectedLink();
    const wrong = await unlock(server.url, code, "not the password", "application/json");
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual({ detail: "Incorrect password for this link" });
    const missing = await unlock(server.url, code, null, "application/json");
    expect(missing.status).toBe(422);
    expect(((await missing.json()) as { detail: Array<{ loc: unknown }> }).detail[0]!.loc).toEqual(["body", "password"]);
    const json = await fetch(`${server.url}/${code}`, {
      method: "POST",
      redirect: "manual",
      headers: { ...BROWSER, accept: "application/json", "content-type": "application/json" },
      body: JSON.stringify({ password: PASSWORD }),
    });
    expect(json.status).toBe(302);
    expect(json.headers.get("location")).toBe(DESTINATION);
  });

  it("apply a changed password at once: the old one is refused, the new one opens", async () => {
    const { user, code } = await protectedLink();
    expect((await unlock(server.url, code, PASSWORD)).status).toBe(302);
    await server.app.inject({ method: "PATCH", url: `/api/urls/${code}`, headers: user.headers, payload: { password: "a new password" } });
    expect((await unlock(server.url, code, PASSWORD)).status).toBe(401);
    expect((await unlock(server.url, code, "a new password")).status).toBe(302);
  });

  it("keep a forwarded path and query through the form, and never answer its POST with 307 or 308", async () => {
    const { code } = await protectedLink(server, { long_url: "https://docs.example.com/v2", forward_path: true, redirect_type: 307 });
    const page = await fetch(`${server.url}/${code}/guide?lang=fr`, {
      redirect: "manual",
      headers: { ...BROWSER, accept: BROWSER_ACCEPT },
    });
    expect(await page.text()).toContain(`action="/${code}/guide?lang=fr"`);
    const res = await fetch(`${server.url}/${code}/guide?lang=fr`, {
      method: "POST",
      redirect: "manual",
      headers: { ...BROWSER, accept: BROWSER_ACCEPT, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ password: PASSWORD }).toString(),
    });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("https://docs.example.com/v2/guide?lang=fr");
    // A 307 link without a password, posted to: still 302, so the body is not sent on.
    const plain = await createLink(server.app, await createUser(server.app), { long_url: "https://example.com/plain", redirect_type: 307 });
    const posted = await unlock(server.url, plain.short_code, "anything at all");
    expect(posted.status).toBe(302);
  });

  it("show a bot only the page: a link preview never gets the destination", async () => {
    const { code } = await protectedLink();
    const res = await fetch(`${server.url}/${code}`, {
      redirect: "manual",
      headers: { "user-agent": "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)", accept: "text/html,*/*" },
    });
    expect(res.status).toBe(200);
    expect(await res.text()).not.toContain("members-only");
  });

  it("give exactly two 302s to a parallel burst of right passwords against max_clicks: 2", async () => {
    const { user, code } = await protectedLink(server, { max_clicks: 2 });
    const statuses = await Promise.all(Array.from({ length: 12 }, () => unlock(server.url, code, PASSWORD).then((r) => r.status)));
    expect(statuses.filter((s) => s === 302)).toHaveLength(2);
    expect(statuses.filter((s) => s === 410)).toHaveLength(10);
    const item = await server.app.inject({ url: `/api/urls/${code}`, headers: user.headers });
    expect(item.json()).toMatchObject({ clicks_used: 2, max_clicks: 2, state: "limit_reached" });
  });

  it("say a spent click limit (410) before asking for the password, to browsers, scripts and posts alike", async () => {
    const { code } = await protectedLink(server, { max_clicks: 1 });
    expect((await unlock(server.url, code, PASSWORD)).status).toBe(302);
    const page = await open(server.url, code);
    expect(page.status).toBe(410);
    expect(await page.text()).not.toContain('name="password"');
    expect((await open(server.url, code, "application/json")).status).toBe(410);
    expect((await unlock(server.url, code, "not the password", "application/json")).status).toBe(410);
    expect((await unlock(server.url, code, PASSWORD)).status).toBe(410);
  });

  it("refuse a password that only begins with the right one (bcrypt reads 72 bytes)", async () => {
    const exact = "p".repeat(72);
    const { code } = await protectedLink(server, { password: exact });
    expect((await unlock(server.url, code, `${exact}EXTRA`)).status).toBe(401);
    expect((await unlock(server.url, code, exact)).status).toBe(302);
  });

  it("answer a password that is not text with the contract's 422 type error", async () => {
    const { code } = await protectedLink();
    const res = await fetch(`${server.url}/${code}`, {
      method: "POST",
      redirect: "manual",
      headers: { ...BROWSER, accept: "application/json", "content-type": "application/json" },
      body: JSON.stringify({ password: 12345678 }),
    });
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({
      detail: [{ loc: ["body", "password"], msg: "str type expected", type: "value_error.invalid_type" }],
    });
  });

  it("are rate-limited per link and address, with a page (or JSON) saying how long to wait", async () => {
    const { code } = await protectedLink(limited);
    const other = await protectedLink(limited);
    for (let i = 0; i < 3; i++) expect((await unlock(limited.url, code, "wrong password")).status).toBe(401);
    const page = await unlock(limited.url, code, PASSWORD);
    expect(page.status).toBe(429);
    expect(Number(page.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await page.text()).toMatch(/Try again in \d+ minutes?\./);
    const api = await unlock(limited.url, code, PASSWORD, "application/json");
    expect(api.status).toBe(429);
    expect(((await api.json()) as { detail: string }).detail).toMatch(/^Too many attempts/);
    // Another link from the same address is not affected.
    expect((await unlock(limited.url, other.code, PASSWORD)).status).toBe(302);
  });

  it("count as attempts only passwords tried on links that ask for one", async () => {
    const user = await createUser(limited.app);
    const plain = await createLink(limited.app, user, { long_url: DESTINATION });
    for (let i = 0; i < 5; i++) {
      const res = await unlock(limited.url, plain.short_code, "anything");
      expect(res.status).toBe(302);
      expect(res.headers.get("location")).toBe(DESTINATION);
    }
    // A link gaining a password starts with its whole allowance.
    const patched = await limited.app.inject({
      method: "PATCH",
      url: `/api/urls/${plain.short_code}`,
      headers: user.headers,
      payload: { password: PASSWORD },
    });
    expect(patched.statusCode).toBe(200);
    // Posts without a password are not attempts either.
    for (let i = 0; i < 5; i++) expect((await unlock(limited.url, plain.short_code, null, "application/json")).status).toBe(422);
    for (let i = 0; i < 3; i++) expect((await unlock(limited.url, plain.short_code, "wrong password")).status).toBe(401);
    expect((await unlock(limited.url, plain.short_code, PASSWORD)).status).toBe(429);
  });
});

// A link that cannot be followed shows a browser a page (same status, no
// destination, no JavaScript, no-store, the security headers) and keeps the
// contract's JSON for API clients: over real HTTP, as visitors reach it.
import { describe, expect, it } from "vitest";
import { resetDatabaseBeforeEach, testDb } from "../../helpers/build-test-app.js";
import { BROWSER, createLink, createUser } from "../../helpers/factories.js";
import { BROWSER_ACCEPT, listeningApp } from "../../helpers/listening-app.js";

const server = await listeningApp();
const db = testDb();
resetDatabaseBeforeEach(db);

const get = (path: string, accept?: string, method = "GET") =>
  fetch(`${server.url}${path}`, { method, redirect: "manual", headers: { ...BROWSER, ...(accept === undefined ? {} : { accept }) } });

async function seed() {
  const user = await createUser(server.app);
  await db.query("UPDATE users SET plan = 'pro' WHERE id = $1", [user.id]);
  const destination = "https://secret-destination.example/private?token=abc";
  const live = await createLink(server.app, user, { long_url: destination });
  const off = await createLink(server.app, user, { long_url: destination });
  await server.app.inject({ method: "PATCH", url: `/api/urls/${off.short_code}`, headers: user.headers, payload: { is_active: false } });
  const expired = await createLink(server.app, user, { long_url: destination });
  await db.query("UPDATE links SET expires_at = now() - interval '1 minute' WHERE code = $1", [expired.short_code]);
  await server.app.inject({ method: "PATCH", url: `/api/urls/${expired.short_code}`, headers: user.headers, payload: {} }); // drops any cached copy
  const spent = await createLink(server.app, user, { long_url: destination, max_clicks: 1 });
  expect((await get(`/${spent.short_code}`)).status).toBe(302);
  return { destination, live, off, expired, spent };
}

describe("visitor pages", () => {
  it("answer a browser with the status and a page saying what happened, never the destination", async () => {
    const { destination, off, expired, spent } = await seed();
    const cases = [
      ["/NoSuchLink", 404, "There’s no link here"],
      [`/${off.short_code}`, 404, "There’s no link here"],
      [`/${expired.short_code}`, 410, "This link has expired"],
      [`/${spent.short_code}`, 410, "This link has reached its click limit"],
    ] as const;
    for (const [path, status, heading] of cases) {
      const res = await get(path, BROWSER_ACCEPT);
      const html = await res.text();
      expect(res.status, path).toBe(status);
      expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(res.headers.get("content-security-policy")).toMatch(/^default-src 'none'; style-src 'unsafe-inline';/);
      expect(res.headers.get("x-frame-options")).toBe("DENY");
      expect(res.headers.get("location")).toBeNull();
      expect(html).toContain(`<h1>${heading}</h1>`);
      expect(html).toContain('href="/"');
      expect(html).not.toContain("secret-destination");
      expect(html).not.toContain(destination);
      expect(html).not.toMatch(/<script/i);
      expect(Buffer.byteLength(html)).toBeLessThan(10 * 1024);
    }
  });

  it("keep the contract's JSON for API clients: JSON first, */* (curl) or no Accept at all", async () => {
    const { off, expired } = await seed();
    for (const accept of ["application/json", "*/*", undefined, "application/json, text/html;q=0.9", "text/html;q=0.5, application/json"]) {
      const missing = await get(`/${off.short_code}`, accept);
      expect(missing.status, String(accept)).toBe(404);
      expect(missing.headers.get("content-type")).toMatch(/^application\/json/);
      expect(await missing.json()).toEqual({ detail: "Short URL not found" });
      const gone = await get(`/${expired.short_code}`, accept);
      expect(gone.status).toBe(410);
      expect(await gone.json()).toEqual({ detail: "Short URL has expired or reached its click limit" });
    }
  });

  it("give the type named first when both are named at one quality", async () => {
    const { off } = await seed();
    for (const [accept, type] of [
      ["text/html, application/json", /^text\/html/],
      ["application/json, text/html", /^application\/json/],
      ["text/html;q=0.8, application/json;q=0.8", /^text\/html/],
    ] as const) {
      const res = await get(`/${off.short_code}`, accept);
      expect(res.status, accept).toBe(404);
      expect(res.headers.get("content-type"), accept).toMatch(type);
    }
  });

  it("answer HEAD with the page's status and type but no body", async () => {
    const { expired } = await seed();
    const res = await get(`/${expired.short_code}`, BROWSER_ACCEPT, "HEAD");
    expect(res.status).toBe(410);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(await res.text()).toBe("");
  });

  it("leave the redirect of a live link untouched, whatever the client accepts", async () => {
    const { live, destination } = await seed();
    for (const accept of [BROWSER_ACCEPT, "application/json", undefined]) {
      const res = await get(`/${live.short_code}`, accept);
      expect(res.status).toBe(302);
      expect(res.headers.get("location")).toBe(destination);
      expect(await res.text()).toBe("");
    }
  });
});

// A cached link must change answer on the very next visit once it expires, is
// disabled, edited or deleted: over real HTTP, where cached links are answered
// by the fast path before Fastify, on the instance that made the change and on
// a second one that hears of it through Redis.
import type { FastifyInstance } from "fastify";
import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabaseBeforeEach, testDb } from "../../helpers/build-test-app.js";
import { createLink, createUser, type TestUser } from "../../helpers/factories.js";
import { BROWSER_ACCEPT, listeningApp } from "../../helpers/listening-app.js";
import { reachableRedisUrl } from "../../helpers/redis.js";

const redisUrl = await reachableRedisUrl();
const CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

const first = await listeningApp({ redisUrl });
const second = redisUrl ? await listeningApp({ redisUrl }) : null;
const instances = second ? [first, second] : [first];
const db = testDb();
resetDatabaseBeforeEach(db);
beforeEach(() => instances.forEach((i) => i.app.linkCache.clear()));

const visit = async (on: { url: string }, code: string) => {
  const res = await fetch(`${on.url}/${code}`, { redirect: "manual", headers: { "user-agent": CHROME } });
  await res.arrayBuffer();
  return { status: res.status, location: res.headers.get("location") };
};

/**
 * Visits on every instance until each answers the link from the fast path
 * (the first visit is a miss that Fastify reads and caches; the creation's
 * own change event may still reach the other instance and drop it once).
 */
async function cacheEverywhere(code: string, location: string) {
  for (const on of instances) {
    await expect
      .poll(
        async () => {
          const before = on.seen.byFastify;
          expect(await visit(on, code)).toEqual({ status: 302, location });
          return on.seen.byFastify === before;
        },
        { timeout: 3000, interval: 20 },
      )
      .toBe(true);
  }
}

const patch = (app: FastifyInstance, user: TestUser, code: string, payload: Record<string, unknown>) =>
  app.inject({ method: "PATCH", url: `/api/urls/${code}`, headers: user.headers, payload });

/** A browser's navigation: a refusal is a page, whose heading says which. */
const browse = async (on: { url: string }, code: string) => {
  const res = await fetch(`${on.url}/${code}`, { redirect: "manual", headers: { "user-agent": CHROME, accept: BROWSER_ACCEPT } });
  const heading = /<h1>([^<]*)<\/h1>/.exec(await res.text())?.[1] ?? null;
  return { status: res.status, location: res.headers.get("location"), heading };
};

async function browseEverywhere(code: string, expected: { status: number; location?: string | null; heading?: string | null }) {
  expect(await browse(first, code)).toMatchObject(expected);
  if (second) await expect.poll(() => browse(second, code), { timeout: 1000, interval: 20 }).toMatchObject(expected);
}

/** The local instance answers at once; the other within a second. */
async function expectEverywhere(code: string, expected: { status: number; location?: string | null }) {
  expect(await visit(first, code)).toMatchObject(expected);
  if (second) await expect.poll(() => visit(second, code), { timeout: 1000, interval: 20 }).toMatchObject(expected);
}

describe(`a cached link over real HTTP${second ? ", on two instances sharing Redis" : " (one instance: no Redis)"}`, () => {
  it("answers 410 on the first visit after it expires", async () => {
    const user = await createUser(first.app);
    const expiresAt = new Date(Date.now() + 3000).toISOString();
    const link = await createLink(first.app, user, { long_url: "https://example.com/soon", expires_at: expiresAt });
    await cacheEverywhere(link.short_code, "https://example.com/soon");
    await new Promise((resolve) => setTimeout(resolve, Date.parse(expiresAt) - Date.now() + 50));
    for (const on of instances) expect(await visit(on, link.short_code)).toEqual({ status: 410, location: null });
  });

  it("answers 404 at once when it is disabled, and 302 again when re-enabled", async () => {
    const user = await createUser(first.app);
    const link = await createLink(first.app, user, { long_url: "https://example.com/on" });
    await cacheEverywhere(link.short_code, "https://example.com/on");
    expect((await patch(first.app, user, link.short_code, { is_active: false })).statusCode).toBe(200);
    await expectEverywhere(link.short_code, { status: 404, location: null });
    expect((await patch(first.app, user, link.short_code, { is_active: true })).statusCode).toBe(200);
    await expectEverywhere(link.short_code, { status: 302, location: "https://example.com/on" });
  });

  it("redirects to the new destination at once when it is edited", async () => {
    const user = await createUser(first.app);
    const link = await createLink(first.app, user, { long_url: "https://example.com/old" });
    await cacheEverywhere(link.short_code, "https://example.com/old");
    expect((await patch(first.app, user, link.short_code, { long_url: "https://example.com/new" })).statusCode).toBe(200);
    await expectEverywhere(link.short_code, { status: 302, location: "https://example.com/new" });
  });

  it("counts from the edit that sets a click limit, and answers 410 everywhere once it is spent", async () => {
    const user = await createUser(first.app);
    const link = await createLink(first.app, user, { long_url: "https://example.com/edit" });
    await cacheEverywhere(link.short_code, "https://example.com/edit");
    expect((await patch(first.app, user, link.short_code, { max_clicks: 1 })).statusCode).toBe(200);
    expect(await visit(first, link.short_code)).toEqual({ status: 302, location: "https://example.com/edit" });
    await expectEverywhere(link.short_code, { status: 410, location: null });
  });

  it("answers 404 at once when it is deleted", async () => {
    const user = await createUser(first.app);
    const link = await createLink(first.app, user, { long_url: "https://example.com/gone" });
    await cacheEverywhere(link.short_code, "https://example.com/gone");
    expect((await first.app.inject({ method: "DELETE", url: `/api/urls/${link.short_code}`, headers: user.headers })).statusCode).toBe(204);
    await expectEverywhere(link.short_code, { status: 404, location: null });
  });

  it("shows a browser the pages at once when it is disabled or gets a password, and redirects again after", async () => {
    const user = await createUser(first.app);
    const link = await createLink(first.app, user, { long_url: "https://example.com/paged" });
    await cacheEverywhere(link.short_code, "https://example.com/paged");
    expect((await patch(first.app, user, link.short_code, { is_active: false })).statusCode).toBe(200);
    await browseEverywhere(link.short_code, { status: 404, location: null, heading: "There’s no link here" });
    expect((await patch(first.app, user, link.short_code, { is_active: true, password: "open sesame" })).statusCode).toBe(200);
    await browseEverywhere(link.short_code, { status: 200, location: null, heading: "This link is protected" });
    await expectEverywhere(link.short_code, { status: 401, location: null });
    expect((await patch(first.app, user, link.short_code, { password: null })).statusCode).toBe(200);
    await cacheEverywhere(link.short_code, "https://example.com/paged");
  });
});

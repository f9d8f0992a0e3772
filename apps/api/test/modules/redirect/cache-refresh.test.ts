// Entries past their TTL keep serving while they are re-read in the background.
import { describe, expect, it } from "vitest";
import type { ClicksService } from "../../../src/modules/clicks/service.js";
import type { CachedLink } from "../../../src/modules/redirect/cached-link.js";
import { createLinkCache } from "../../../src/modules/redirect/link-cache.js";
import type { RedirectRepository } from "../../../src/modules/redirect/repository.js";
import { createRedirectService } from "../../../src/modules/redirect/service.js";
import { buildTestApp, resetDatabaseBeforeEach, testDb } from "../../helpers/build-test-app.js";
import { createLink, createUser } from "../../helpers/factories.js";

const TTL = 300;
const app = await buildTestApp({ linkCache: { maxEntries: 1000, ttlMs: TTL, negativeMaxEntries: 500, negativeTtlMs: 5_000 } });
const db = testDb();
resetDatabaseBeforeEach(db);
const visit = (code: string) => app.inject({ url: `/${code}` });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("the link cache's background refresh", () => {
  it("keeps serving a link past its TTL and picks up a change it was never told about", async () => {
    const user = await createUser(app);
    const link = await createLink(app, user, { long_url: "https://example.com/before" });
    expect((await visit(link.short_code)).headers.location).toBe("https://example.com/before");
    // Changed behind the cache's back: no invalidation reaches it.
    await db.query("UPDATE links SET long_url = 'https://example.com/after' WHERE code = $1", [link.short_code]);
    expect((await visit(link.short_code)).headers.location).toBe("https://example.com/before");
    await sleep(TTL + 50);
    // Stale now: still served from memory, and that visit asks for a re-read.
    expect((await visit(link.short_code)).headers.location).toBe("https://example.com/before");
    await expect
      .poll(async () => (await visit(link.short_code)).headers.location, { timeout: 2000, interval: 50 })
      .toBe("https://example.com/after");
    expect(app.linkCache.get(link.short_code)?.longUrl).toBe("https://example.com/after");
  });

  it("forgets a link deleted behind its back", async () => {
    const user = await createUser(app);
    const link = await createLink(app, user);
    expect((await visit(link.short_code)).statusCode).toBe(302);
    await db.query("DELETE FROM links WHERE code = $1", [link.short_code]);
    await sleep(TTL + 50);
    await visit(link.short_code);
    await expect.poll(async () => (await visit(link.short_code)).statusCode, { timeout: 2000, interval: 50 }).toBe(404);
  });
});

describe("a refresh of many stale links", () => {
  it("reads them back two hundred at a time, and all of them", async () => {
    let now = 0;
    const cache = createLinkCache({ maxEntries: 5000, ttlMs: 1000, negativeMaxEntries: 10, negativeTtlMs: 100, now: () => now });
    const codes = Array.from({ length: 1200 }, (_, i) => `code${i}`);
    const target = (code: string, longUrl: string) => ({
      code,
      id: 1,
      userId: 1,
      longUrl,
      isActive: true,
      expiresAt: null,
      maxClicks: null,
      clicksUsed: 0,
      hasPassword: false,
      blocked: false,
      forwardQuery: true,
      forwardPath: false,
      redirectType: 302,
    });
    for (const code of codes) cache.set(code, { ...target(code, "https://example.com/old") });
    const reads: number[] = [];
    const repo = {
      findByCodes: async (asked: string[]) => {
        reads.push(asked.length);
        return asked.map((code) => target(code, "https://example.com/new"));
      },
    } as unknown as RedirectRepository;
    const service = createRedirectService({ repo, cache, clicks: {} as ClicksService, verifyPassword: async () => false });
    now = 1000; // every one of them stale at once, as after a warm-up
    for (const code of codes) {
      expect(
        await service.resolve({ code, query: null, extraPath: "", countsAsClick: false, referrer: null, userAgent: null, ip: null }),
      ).toEqual({
        kind: "redirect",
        location: "https://example.com/old",
        status: 302,
      });
    }
    await expect.poll(() => reads.reduce((a, b) => a + b, 0), { timeout: 2000, interval: 20 }).toBe(1200);
    expect(reads).toEqual([200, 200, 200, 200, 200, 200]);
    expect(codes.every((code) => cache.get(code)?.longUrl === "https://example.com/new")).toBe(true);
  });
});

describe("link cache entries", () => {
  const link: CachedLink = {
    id: 1,
    userId: 1,
    longUrl: "https://example.com/",
    isActive: true,
    expiresAt: null,
    maxClicks: null,
    hasPassword: false,
    blocked: false,
    forwardQuery: true,
    forwardPath: false,
    redirectType: 302,
  };

  it("are reported stale once within the TTL's last quarter, and dropped at four times it if never refreshed", () => {
    let now = 0;
    const cache = createLinkCache({ maxEntries: 10, ttlMs: 100, negativeMaxEntries: 10, negativeTtlMs: 100, now: () => now });
    cache.set("abc", link);
    now = 74;
    expect(cache.get("abc")).toBe(link);
    expect(cache.hasStale).toBe(false);
    now = 100;
    expect(cache.get("abc")).toBe(link);
    expect(cache.get("abc")).toBe(link);
    expect(cache.takeStale()).toEqual(["abc"]);
    expect(cache.hasStale).toBe(false);
    now = 399;
    expect(cache.get("abc")).toBe(link); // the database may be down: keep serving
    expect(cache.takeStale()).toEqual([]);
    now = 400;
    expect(cache.get("abc")).toBeUndefined();
  });

  it("cached together, go stale spread over the TTL's last quarter rather than at one instant", () => {
    let now = 0;
    const cache = createLinkCache({ maxEntries: 1000, ttlMs: 1000, negativeMaxEntries: 10, negativeTtlMs: 100, now: () => now });
    const codes = Array.from({ length: 400 }, (_, i) => `c${i}`);
    for (const code of codes) cache.set(code, link);
    const staleBy = (time: number) => {
      now = time;
      for (const code of codes) cache.get(code);
      return cache.takeStale().length;
    };
    expect(staleBy(749)).toBe(0);
    const early = staleBy(875); // about half; all or none would mean no spread (odds 2^-400)
    expect(early).toBeGreaterThan(0);
    expect(early).toBeLessThan(codes.length);
    expect(early + staleBy(1000)).toBe(codes.length);
  });

  it("count invalidations, so a read that started before one is not stored after it", () => {
    const cache = createLinkCache({ maxEntries: 10, ttlMs: 100, negativeMaxEntries: 10, negativeTtlMs: 100 });
    const before = cache.generation;
    cache.invalidate("abc");
    expect(cache.generation).toBe(before + 1);
    cache.clear();
    expect(cache.generation).toBe(before + 2);
  });
});

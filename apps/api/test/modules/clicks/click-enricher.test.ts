import { describe, expect, it } from "vitest";
import type { NewClick } from "../../../src/modules/clicks/click.js";
import { createClickEnricher } from "../../../src/modules/clicks/click-enricher.js";
import { visitorKey } from "../../../src/lib/click-dimensions.js";

const CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

/** Salts as the database would keep them: one per day, the first one offered. */
function saltStore() {
  const salts = new Map<string, Buffer>();
  const pruned: string[] = [];
  return {
    salts,
    pruned,
    repo: {
      saltFor: async (day: string, candidate: Buffer) => {
        if (!salts.has(day)) salts.set(day, candidate);
        return salts.get(day)!;
      },
      pruneVisitorDataBefore: async (day: string) => void pruned.push(day),
    },
  };
}

const visit = (at: string, ip: string | null, userAgent: string | null = CHROME): NewClick => ({
  linkId: 1,
  userId: 2,
  code: "abc",
  clickedAt: new Date(at),
  referrer: "https://www.news.example/story",
  userAgent,
  ip,
});

describe("enriching clicks", () => {
  it("parses the agent, the referrer's host and the place, and keys the visitor under the day's salt", async () => {
    const store = saltStore();
    const [click] = await createClickEnricher(store.repo)([visit("2026-12-02T10:00:00Z", "81.2.69.142")]);
    const salt = store.salts.get("2026-12-02")!;
    expect(click).toMatchObject({
      browser: "Chrome",
      os: "Windows",
      device: "desktop",
      isBot: false,
      referrerHost: "news.example",
      country: "GB",
      visitor: visitorKey(salt, "81.2.69.142", CHROME),
    });
    expect(click).not.toHaveProperty("ip");
  });

  it("gives a returning visitor the same key within a day and a new one the next day", async () => {
    const store = saltStore();
    const enrich = createClickEnricher(store.repo);
    const clicks = await enrich([
      visit("2026-12-01T23:59:59.999Z", "81.2.69.142"),
      visit("2026-12-02T00:00:00.000Z", "81.2.69.142"),
      visit("2026-12-02T12:00:00.000Z", "81.2.69.142"),
      visit("2026-12-02T12:00:01.000Z", "81.2.69.143"),
      visit("2026-12-02T12:00:02.000Z", "81.2.69.142", "curl/8.5.0"),
      visit("2026-12-02T12:00:03.000Z", null),
    ]);
    const keys = clicks.map((c) => c.visitor);
    expect(keys[1]).toBe(keys[2]);
    expect(new Set(keys.slice(0, 5)).size).toBe(4);
    expect(keys[5]).toBeNull();
    // Every key is the one the day's own salt gives, memoised or not.
    expect(keys[0]).toBe(visitorKey(store.salts.get("2026-12-01")!, "81.2.69.142", CHROME));
    expect(keys[4]).toBe(visitorKey(store.salts.get("2026-12-02")!, "81.2.69.142", "curl/8.5.0"));
    // A later batch back on an earlier day still uses that day's salt.
    const [late] = await enrich([visit("2026-12-01T23:00:00Z", "81.2.69.142")]);
    expect(late!.visitor).toBe(keys[0]);
  });

  it("keeps days apart when a replay's batch and live clicks are enriched at once", async () => {
    const store = saltStore();
    let releaseOldSalt = () => {};
    const oldSaltHeld = new Promise<void>((resolve) => (releaseOldSalt = resolve));
    const repo = {
      ...store.repo,
      saltFor: async (day: string, candidate: Buffer) => {
        if (day === "2026-12-01") await oldSaltHeld; // the older day's salt arrives last
        return store.repo.saltFor(day, candidate);
      },
    };
    const enrich = createClickEnricher(repo);
    const replay = enrich([visit("2026-12-01T22:00:00Z", "81.2.69.142")]);
    const live = enrich([visit("2026-12-02T09:00:00Z", "81.2.69.143")]);
    await live;
    releaseOldSalt();
    const [replayed] = await replay;
    const [later] = await enrich([visit("2026-12-02T09:30:00Z", "81.2.69.142")]);
    expect(replayed!.visitor).toBe(visitorKey(store.salts.get("2026-12-01")!, "81.2.69.142", CHROME));
    expect(later!.visitor).toBe(visitorKey(store.salts.get("2026-12-02")!, "81.2.69.142", CHROME));
  });

  it("cuts values to their columns' widths, so one odd visit cannot fail its batch", async () => {
    const host = `${"a".repeat(63)}.${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(63)}.${"e".repeat(40)}.com`;
    const [click] = await createClickEnricher(saltStore().repo)([{ ...visit("2026-12-02T10:00:00Z", null), referrer: `http://${host}/` }]);
    expect(host.length).toBeGreaterThan(255);
    expect(click!.referrerHost).toBe(host.slice(0, 255));
  });

  it("gives each click of a visitor's run its own referrer, and a visitor between runs their own dimensions", async () => {
    const store = saltStore();
    const firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";
    const at = (i: number) => `2026-12-02T10:00:0${i}Z`;
    const clicks = await createClickEnricher(store.repo)([
      { ...visit(at(0), "81.2.69.142"), referrer: "https://a.example/" },
      { ...visit(at(1), "81.2.69.142"), referrer: "https://b.example/" },
      { ...visit(at(2), "81.2.69.142"), referrer: null },
      { ...visit(at(3), "81.2.69.143", firefox), referrer: null },
      { ...visit(at(4), "81.2.69.142"), referrer: "https://a.example/" },
    ]);
    expect(clicks.map((c) => c.referrerHost)).toEqual(["a.example", "b.example", null, null, "a.example"]);
    expect(clicks.map((c) => c.browser)).toEqual(["Chrome", "Chrome", "Chrome", "Firefox", "Chrome"]);
    const salt = store.salts.get("2026-12-02")!;
    expect(clicks.map((c) => c.visitor)).toEqual([
      ...Array(3).fill(visitorKey(salt, "81.2.69.142", CHROME)),
      visitorKey(salt, "81.2.69.143", firefox),
      visitorKey(salt, "81.2.69.142", CHROME),
    ]);
  });

  it("keys two agents from one address apart, and never keys a click without an address", async () => {
    const store = saltStore();
    const firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";
    const clicks = await createClickEnricher(store.repo)([
      visit("2026-12-02T10:00:00Z", "81.2.69.142"),
      visit("2026-12-02T10:00:01Z", "81.2.69.142", firefox),
      visit("2026-12-02T10:00:02Z", null, firefox),
      visit("2026-12-02T10:00:03Z", "null", firefox),
    ]);
    const salt = store.salts.get("2026-12-02")!;
    expect(clicks.map((c) => c.visitor)).toEqual([
      visitorKey(salt, "81.2.69.142", CHROME),
      visitorKey(salt, "81.2.69.142", firefox),
      null,
      visitorKey(salt, "null", firefox),
    ]);
    expect(clicks.map((c) => c.browser)).toEqual(["Chrome", "Firefox", "Firefox", "Firefox"]);
  });
});

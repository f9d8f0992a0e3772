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
});

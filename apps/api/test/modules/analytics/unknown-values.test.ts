// Unknown dimension values are not stored; the service derives them from the
// range's human clicks. Against stored rows chosen here, through a fake
// repository: the rest of the path is covered by analytics.test.ts.
import { describe, expect, it } from "vitest";
import type { AnalyticsRepository, DimensionRow } from "../../../src/modules/analytics/repository.js";
import { createAnalyticsService } from "../../../src/modules/analytics/service.js";

const DAY = "2026-11-22";

function serviceWith(humans: number, rows: Array<Omit<DimensionRow, "known">>) {
  const known = (dimension: string) => rows.filter((r) => r.dimension === dimension).reduce((t, r) => t + r.clicks, 0);
  const repo = {
    days: async () => [{ day: DAY, humans, bots: 0, visitors: 1 }],
    dimensions: async (_scope: unknown, _range: unknown, top: number) =>
      ["referrer", "country", "city", "browser", "os", "device"].flatMap((d) =>
        rows
          .filter((r) => r.dimension === d)
          .slice(0, top)
          .map((r) => ({ ...r, known: known(d) })),
      ),
  } as unknown as AnalyticsRepository;
  const links = { getOwnedOrThrow: async () => ({ id: 1 }) } as never;
  return createAnalyticsService({ repo, links, clock: () => new Date(`${DAY}T12:00:00Z`) });
}

describe("unknown dimension values", () => {
  it("are the human clicks less the known ones, ranked among them (ties first, as before)", async () => {
    const service = serviceWith(10, [
      { dimension: "referrer", value: "news.ycombinator.com", clicks: 4 },
      { dimension: "referrer", value: "google.com", clicks: 3 },
      { dimension: "country", value: "DE", clicks: 10 },
      { dimension: "city", value: "DE\tBerlin", clicks: 6 },
    ]);
    const body = await service.forLink(1, "abc", { range: "7d" });
    expect(body.total_clicks).toBe(10);
    expect(body.referrers).toEqual([
      { value: "news.ycombinator.com", clicks: 4 },
      { value: null, clicks: 3 },
      { value: "google.com", clicks: 3 },
    ]);
    expect(body.countries).toEqual([{ value: "DE", clicks: 10 }]); // all known: no unknown entry
    expect(body.cities).toEqual([{ country: "DE", city: "Berlin", clicks: 6 }]); // the unknown city is left out, as before
    // Nothing known at all: one unknown entry with every click.
    expect(body.browsers).toEqual([{ value: null, clicks: 10 }]);
  });

  it("keep the list to the top ten, dropping the smallest known value when unknown enters it", async () => {
    const referrers = Array.from({ length: 10 }, (_, i) => ({ dimension: "referrer", value: `site${i}.example`, clicks: 20 - i }));
    const total = referrers.reduce((t, r) => t + r.clicks, 0);
    const body = await serviceWith(total + 15, referrers).forLink(1, "abc", { range: "7d" });
    expect(body.referrers).toHaveLength(10);
    expect(body.referrers[5]).toEqual({ value: null, clicks: 15 }); // after 20..16, before 15
    expect(body.referrers.at(-1)).toEqual({ value: "site8.example", clicks: 12 });
  });

  it("never go below zero when the counters were read before a batch the breakdowns include", async () => {
    const body = await serviceWith(3, [{ dimension: "os", value: "Windows", clicks: 5 }]).forLink(1, "abc", { range: "7d" });
    expect(body.os).toEqual([{ value: "Windows", clicks: 5 }]);
  });
});

import { describe, expect, it } from "vitest";
import type { EnrichedClick } from "../../../src/modules/clicks/click.js";
import { enrichedClick } from "../../helpers/factories.js";
import { rollUp } from "../../../src/modules/clicks/click-rollups.js";

const click = (linkId: number, at: string, extra: Partial<EnrichedClick> = {}) =>
  enrichedClick({
    linkId,
    userId: 0,
    clickedAt: new Date(at),
    userAgent: "ua",
    browser: "Chrome",
    os: "Windows",
    device: "desktop",
    country: "DE",
    city: "Berlin",
    visitor: "1",
    ...extra,
  });

describe("rolling up a batch", () => {
  it("counts per link and per owner by UTC day, bots apart, each visitor once", () => {
    const owners = new Map([
      [1, 10],
      [2, 10],
    ]);
    const { links, accounts } = rollUp(
      [
        click(1, "2026-11-21T23:59:59.999Z"),
        click(1, "2026-11-22T00:00:00.000Z"),
        click(1, "2026-11-22T08:00:00.000Z", { visitor: "2", country: null, city: null }),
        click(1, "2026-11-22T09:00:00.000Z", { isBot: true, visitor: "3" }),
        click(2, "2026-11-22T10:00:00.000Z", { visitor: "2", referrerHost: "news.ycombinator.com" }),
      ],
      (id) => owners.get(id)!,
    );
    expect(links.counters).toEqual({
      ids: [1, 1, 2],
      days: ["2026-11-21", "2026-11-22", "2026-11-22"],
      clicks: [1, 3, 1],
      bots: [0, 1, 0],
    });
    expect(accounts.counters).toEqual({ ids: [10, 10], days: ["2026-11-21", "2026-11-22"], clicks: [1, 4], bots: [0, 1] });
    // Visitor 1 on both days, visitor 2 on two links; the bot's key is not a visitor.
    expect(links.visitors).toEqual({
      ids: [1, 1, 1, 2],
      days: ["2026-11-21", "2026-11-22", "2026-11-22", "2026-11-22"],
      visitors: ["1", "1", "2", "2"],
    });
    expect(accounts.visitors).toEqual({ ids: [10, 10, 10], days: ["2026-11-21", "2026-11-22", "2026-11-22"], visitors: ["1", "1", "2"] });

    const rows = (scope: typeof links) =>
      scope.dimensions.ids.map(
        (id, i) =>
          `${id} ${scope.dimensions.days[i]} ${scope.dimensions.dimensions[i]}=${scope.dimensions.values[i]}:${scope.dimensions.clicks[i]}`,
      );
    const accountRows = rows(accounts).filter((r) => r.includes("2026-11-22"));
    // Known values only: the unknown ones (a country, a city, two referrers) are derived when read.
    expect(accountRows.sort()).toEqual([
      "10 2026-11-22 browser=Chrome:3",
      "10 2026-11-22 city=DE\tBerlin:2",
      "10 2026-11-22 country=DE:2",
      "10 2026-11-22 device=desktop:3",
      "10 2026-11-22 os=Windows:3",
      "10 2026-11-22 referrer=news.ycombinator.com:1",
    ]);
    // The bot is in no breakdown: three human clicks.
    expect(accountRows.filter((r) => r.includes(" browser=")).map((r) => r.split(":")[1])).toEqual(["3"]);
  });

  it("counts exactly past the values and visitors a day's counts scan", () => {
    // 20 referrers twice each and 30 visitors on one link: more than a day's counts look up by scanning.
    const clicks = Array.from({ length: 40 }, (_, i) =>
      click(1, "2026-11-22T10:00:00.000Z", { referrerHost: `r${i % 20}.example`, visitor: String(i % 30), country: null, city: null }),
    );
    const { links } = rollUp(clicks, () => 10);
    expect(links.counters).toEqual({ ids: [1], days: ["2026-11-22"], clicks: [40], bots: [0] });
    expect(links.visitors.visitors).toEqual(Array.from({ length: 30 }, (_, i) => String(i)));
    const counts = new Map(
      links.dimensions.values.map((value, i) => [`${links.dimensions.dimensions[i]}=${value}`, links.dimensions.clicks[i]]),
    );
    expect(counts.size).toBe(23);
    for (let r = 0; r < 20; r++) expect(counts.get(`referrer=r${r}.example`)).toBe(2);
    expect([counts.get("browser=Chrome"), counts.get("os=Windows"), counts.get("device=desktop")]).toEqual([40, 40, 40]);
  });

  it("keeps each day of an id apart when a batch's days come out of order", () => {
    const { links } = rollUp(
      [
        click(1, "2026-11-22T00:00:01.000Z", { browser: "Firefox" }),
        click(1, "2026-11-21T23:59:59.000Z"),
        click(1, "2026-11-22T00:00:02.000Z"),
      ],
      () => 10,
    );
    expect(links.counters).toEqual({ ids: [1, 1], days: ["2026-11-22", "2026-11-21"], clicks: [2, 1], bots: [0, 0] });
    const browsers = links.dimensions.ids
      .map(
        (_, i) =>
          `${links.dimensions.days[i]} ${links.dimensions.dimensions[i]}=${links.dimensions.values[i]}:${links.dimensions.clicks[i]}`,
      )
      .filter((row) => row.includes("browser="));
    expect(browsers.sort()).toEqual(["2026-11-21 browser=Chrome:1", "2026-11-22 browser=Chrome:1", "2026-11-22 browser=Firefox:1"]);
  });
});

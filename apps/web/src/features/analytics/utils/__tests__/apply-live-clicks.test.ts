import type { DashboardResponse, LiveClick } from "@shortly/contract";
import { describe, expect, it } from "vitest";
import { emptyBreakdowns } from "../../../../testing/analytics-fixtures";
import { applyLiveToDashboard, applyLiveToLink } from "../apply-live-clicks";

const click = (code: string, at: string, is_bot = false): LiveClick => ({
  code,
  clicked_at: at,
  country: null,
  city: null,
  device: null,
  browser: null,
  os: null,
  referrer_host: null,
  is_bot,
});

const empty = emptyBreakdowns();

const dashboard: DashboardResponse = {
  from: "2026-05-01",
  to: "2026-05-02",
  total_clicks: 3,
  unique_visitors: 2,
  bot_clicks: 0,
  by_date: [
    { date: "2026-05-01", clicks: 3, visitors: 2, bot_clicks: 0 },
    { date: "2026-05-02", clicks: 0, visitors: 0, bot_clicks: 0 },
  ],
  top_links: [
    { code: "aaa", long_url: "https://a.example", clicks: 2 },
    { code: "bbb", long_url: "https://b.example", clicks: 1 },
  ],
  ...empty,
};

describe("applying live clicks", () => {
  it("adds a batch's exact counts to its day and reorders top links", () => {
    const next = applyLiveToDashboard(dashboard, {
      humans: 2,
      bots: 1,
      clicks: [
        click("bbb", "2026-05-02T10:00:00.000Z"),
        click("bbb", "2026-05-02T10:00:01.000Z"),
        click("aaa", "2026-05-02T10:00:02.000Z", true),
      ],
    });
    expect(next.total_clicks).toBe(5);
    expect(next.bot_clicks).toBe(1);
    expect(next.by_date[1]).toEqual({ date: "2026-05-02", clicks: 2, visitors: 0, bot_clicks: 1 });
    expect(next.top_links.map((l) => [l.code, l.clicks])).toEqual([
      ["bbb", 3],
      ["aaa", 2],
    ]);
    expect(next.unique_visitors).toBe(2); // left to the next fetch
  });

  it("adds a link that was not in the top links yet", () => {
    const next = applyLiveToDashboard(
      { ...dashboard, top_links: [] },
      { humans: 1, bots: 0, clicks: [click("ccc", "2026-05-02T10:00:00.000Z")] },
    );
    expect(next.top_links).toEqual([{ code: "ccc", long_url: "", clicks: 1 }]);
  });

  it("leaves a range that does not include the clicks' day alone", () => {
    const next = applyLiveToDashboard(dashboard, { humans: 1, bots: 0, clicks: [click("aaa", "2026-06-01T00:00:00.000Z")] });
    expect(next.total_clicks).toBe(3);
    expect(next.by_date).toEqual(dashboard.by_date);
  });

  it("counts only the link's own clicks on its page", () => {
    const next = applyLiveToLink(dashboard, "aaa", {
      humans: 3,
      bots: 0,
      clicks: [
        click("aaa", "2026-05-02T09:00:00.000Z"),
        click("bbb", "2026-05-02T09:00:00.000Z"),
        click("aaa", "2026-05-01T23:59:59.000Z"),
      ],
    });
    expect(next.by_date.map((d) => d.clicks)).toEqual([4, 1]);
    expect(next.total_clicks).toBe(5);
  });
});

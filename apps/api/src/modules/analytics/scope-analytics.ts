import { ANALYTICS_TOP_N, type AnalyticsDay, type LinkAnalyticsResponse } from "@shortly/contract";
import { breakdowns } from "./breakdowns.js";
import { zeroFilled } from "./day-range.js";
import type { AnalyticsRepository, DayRange, Scope } from "./repository.js";

/** A link's or an account's analytics over the range: totals, every day, and the breakdowns. */
export async function scopeAnalytics(
  repo: Pick<AnalyticsRepository, "days" | "dimensions">,
  scope: Scope,
  range: DayRange,
): Promise<LinkAnalyticsResponse> {
  const [days, dimensions] = await Promise.all([repo.days(scope, range), repo.dimensions(scope, range, ANALYTICS_TOP_N)]);
  const by_date = zeroFilled(range, days);
  const sum = (pick: (d: AnalyticsDay) => number) => by_date.reduce((total, d) => total + pick(d), 0);
  return {
    from: range.from,
    to: range.to,
    total_clicks: sum((d) => d.clicks),
    unique_visitors: sum((d) => d.visitors),
    bot_clicks: sum((d) => d.bot_clicks),
    by_date,
    ...breakdowns(
      dimensions,
      sum((d) => d.clicks),
    ),
  };
}

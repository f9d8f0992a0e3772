import type { AnalyticsDay, AnalyticsRange } from "@shortly/contract";
import { DAY_MS, utcDay } from "../../lib/utc-day.js";
import type { DayRange, DayRow } from "./repository.js";

export interface RangeQuery {
  range?: AnalyticsRange;
  from?: string;
  to?: string;
}

const RANGE_DAYS: Record<AnalyticsRange, number> = { "7d": 7, "30d": 30, "90d": 90 };

/** A named range ends today (UTC) and includes it; nothing given means 30 days. */
export function resolveRange(query: RangeQuery, now: Date): DayRange {
  if (query.from && query.to) return { from: query.from, to: query.to };
  const today = Date.parse(utcDay(now.getTime()));
  return { from: utcDay(today - (RANGE_DAYS[query.range ?? "30d"] - 1) * DAY_MS), to: utcDay(today) };
}

/** Every day of the range, oldest first, with zeros where nothing happened. */
export function zeroFilled(range: DayRange, rows: DayRow[]): AnalyticsDay[] {
  const byDay = new Map(rows.map((r) => [r.day, r]));
  const days: AnalyticsDay[] = [];
  for (let t = Date.parse(range.from); t <= Date.parse(range.to); t += DAY_MS) {
    const date = utcDay(t);
    const row = byDay.get(date);
    days.push({ date, clicks: row?.humans ?? 0, visitors: row?.visitors ?? 0, bot_clicks: row?.bots ?? 0 });
  }
  return days;
}

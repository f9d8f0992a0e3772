import { DAY_MS, utcDay } from "../../lib/utc-day.js";
import type { EnrichedClick } from "./click.js";

/**
 * The breakdowns kept per day, and the value a click counts under ("" for
 * unknown). Unknown values get no row: every human click has one value per
 * dimension, so the unknown count is the day's human clicks less the known
 * ones (analytics/service.ts), and a direct visit from an unlocated address
 * costs three upserts fewer.
 */
const DIMENSIONS: Array<[name: string, valueOf: (c: EnrichedClick) => string]> = [
  ["referrer", (c) => c.referrerHost ?? ""],
  ["country", (c) => c.country ?? ""],
  ["city", (c) => (c.city === null ? "" : `${c.country ?? ""}\t${c.city}`)],
  ["browser", (c) => c.browser ?? ""],
  ["os", (c) => c.os ?? ""],
  ["device", (c) => c.device ?? ""],
];

/** One array per column, ready for unnest. */
export interface Counters {
  ids: number[];
  days: string[];
  clicks: number[];
  bots: number[];
}
export interface DimensionCounts {
  ids: number[];
  days: string[];
  dimensions: string[];
  values: string[];
  clicks: number[];
}
export interface VisitorKeys {
  ids: number[];
  days: string[];
  visitors: string[];
}
export interface ScopeRollup {
  counters: Counters;
  dimensions: DimensionCounts;
  visitors: VisitorKeys;
}

/** Counts one scope (a link, or an account) of a batch; keys are "id|day|…". */
function scopeCounter() {
  const counters = new Map<string, { id: number; day: string; clicks: number; bots: number }>();
  const dimensions = new Map<string, { id: number; day: string; dimension: string; value: string; clicks: number }>();
  const visitors = new Map<string, { id: number; day: string; visitor: string }>();
  return {
    add(id: number, day: string, click: EnrichedClick) {
      const key = `${id}|${day}`;
      let counter = counters.get(key);
      if (!counter) counters.set(key, (counter = { id, day, clicks: 0, bots: 0 }));
      counter.clicks++;
      if (click.isBot) {
        counter.bots++;
        return; // bots are counted, never broken down or counted as visitors
      }
      for (const [dimension, valueOf] of DIMENSIONS) {
        const value = valueOf(click);
        if (value === "") continue;
        const dimKey = `${key}|${dimension}|${value}`;
        const entry = dimensions.get(dimKey);
        if (entry) entry.clicks++;
        else dimensions.set(dimKey, { id, day, dimension, value, clicks: 1 });
      }
      if (click.visitor !== null) visitors.set(`${key}|${click.visitor}`, { id, day, visitor: click.visitor });
    },
    result(): ScopeRollup {
      const c = [...counters.values()];
      const d = [...dimensions.values()];
      const v = [...visitors.values()];
      return {
        counters: { ids: c.map((x) => x.id), days: c.map((x) => x.day), clicks: c.map((x) => x.clicks), bots: c.map((x) => x.bots) },
        dimensions: {
          ids: d.map((x) => x.id),
          days: d.map((x) => x.day),
          dimensions: d.map((x) => x.dimension),
          values: d.map((x) => x.value),
          clicks: d.map((x) => x.clicks),
        },
        visitors: { ids: v.map((x) => x.id), days: v.map((x) => x.day), visitors: v.map((x) => x.visitor) },
      };
    },
  };
}

/**
 * A batch's daily counters, breakdowns and visitor keys per link and per
 * account, counted here rather than in SQL: a hot link's 2,000 clicks become
 * a handful of rows to upsert, and PostgreSQL's time goes to storing, not
 * sorting and grouping.
 */
export function rollUp(clicks: EnrichedClick[], ownerOf: (linkId: number) => number): { links: ScopeRollup; accounts: ScopeRollup } {
  const links = scopeCounter();
  const accounts = scopeCounter();
  let dayStart = Number.NaN;
  let day = "";
  for (const click of clicks) {
    const time = click.clickedAt.getTime();
    // Batches are in time order: the day string is made once per day, not per click.
    const start = time - (time % DAY_MS);
    if (start !== dayStart) {
      dayStart = start;
      day = utcDay(time);
    }
    links.add(click.linkId, day, click);
    accounts.add(ownerOf(click.linkId), day, click);
  }
  return { links: links.result(), accounts: accounts.result() };
}

import { DAY_MS, utcDay } from "../../lib/utc-day.js";
import type { EnrichedClick } from "./click.js";
import type { ScopeRollup } from "./rollup-columns.js";

/**
 * The breakdowns kept per day, and the value a click counts under ("" for
 * unknown). Unknown values get no row: every human click has one value per
 * dimension, so the unknown count is the day's human clicks less the known
 * ones (analytics/breakdowns.ts), and a direct visit from an unlocated address
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

/** One id's counts for one day of a batch: a map of value → clicks per dimension, and the visitor keys seen. */
interface DayCount {
  id: number;
  day: string;
  clicks: number;
  bots: number;
  dimensions: Array<Map<string, number>>;
  visitors: Set<string>;
}

/** Counts one scope (a link, or an account) of a batch, keyed by id, then day: no key strings built per click. */
function scopeCounter() {
  const byId = new Map<number, DayCount[]>();
  const add = (id: number, day: string, click: EnrichedClick) => {
    let days = byId.get(id);
    if (!days) byId.set(id, (days = []));
    let count = days.find((d) => d.day === day); // one day per id, two around midnight
    if (!count) {
      count = { id, day, clicks: 0, bots: 0, dimensions: DIMENSIONS.map(() => new Map()), visitors: new Set() };
      days.push(count);
    }
    count.clicks++;
    if (click.isBot) {
      count.bots++;
      return; // bots are counted, never broken down or counted as visitors
    }
    for (let d = 0; d < DIMENSIONS.length; d++) {
      const value = DIMENSIONS[d]![1](click);
      if (value !== "") count.dimensions[d]!.set(value, (count.dimensions[d]!.get(value) ?? 0) + 1);
    }
    if (click.visitor !== null) count.visitors.add(click.visitor);
  };
  const result = (): ScopeRollup => {
    const out: ScopeRollup = {
      counters: { ids: [], days: [], clicks: [], bots: [] },
      dimensions: { ids: [], days: [], dimensions: [], values: [], clicks: [] },
      visitors: { ids: [], days: [], visitors: [] },
    };
    const { counters, dimensions, visitors } = out;
    for (const days of byId.values()) {
      for (const count of days) {
        counters.ids.push(count.id);
        counters.days.push(count.day);
        counters.clicks.push(count.clicks);
        counters.bots.push(count.bots);
        count.dimensions.forEach((values, d) => {
          for (const [value, clicks] of values) {
            dimensions.ids.push(count.id);
            dimensions.days.push(count.day);
            dimensions.dimensions.push(DIMENSIONS[d]![0]);
            dimensions.values.push(value);
            dimensions.clicks.push(clicks);
          }
        });
        for (const visitor of count.visitors) {
          visitors.ids.push(count.id);
          visitors.days.push(count.day);
          visitors.visitors.push(visitor);
        }
      }
    }
    return out;
  };
  return { add, result };
}

/**
 * A batch's daily counters, breakdowns and visitor keys per link and per
 * account, counted here rather than in SQL: a hot link's thousands of clicks become
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

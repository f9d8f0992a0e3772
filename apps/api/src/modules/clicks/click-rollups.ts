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

/**
 * Each distinct breakdown value of a batch as a small integer: its index in
 * `values` times the number of dimensions, plus its dimension. Counting by
 * these numbers needs no map per link: spread traffic touches thousands of
 * links per batch, and a map (or set) for each was most of the garbage a
 * batch left to collect.
 */
function valueKeys() {
  const values: string[] = [];
  const known = DIMENSIONS.map(() => new Map<string, number>());
  // A click's values mostly repeat the click before's (the same string, from the enricher's memos).
  const lastValue = DIMENSIONS.map((): string | null => null);
  const lastKey = DIMENSIONS.map(() => 0);
  const keyOf = (d: number, value: string): number => {
    if (value === lastValue[d]) return lastKey[d]!;
    let key = known[d]!.get(value);
    if (key === undefined) {
      key = values.length * DIMENSIONS.length + d;
      values.push(value);
      known[d]!.set(value, key);
    }
    lastValue[d] = value;
    lastKey[d] = key;
    return key;
  };
  const dimensionOf = (key: number) => key % DIMENSIONS.length;
  const valueOf = (key: number) => values[(key - dimensionOf(key)) / DIMENSIONS.length]!;
  return { keyOf, dimensionOf, valueOf };
}

/** Past this many entries, a day's counts or visitors are found through a map instead of a scan. */
const SCAN_LIMIT = 16;

/** One id's counts for one day of a batch. */
interface DayCount {
  id: number;
  day: string;
  clicks: number;
  bots: number;
  /** Breakdown value keys (valueKeys) and their clicks, in pairs, in first-seen order. */
  counts: number[];
  /** Where each key is in `counts`, once there are too many to scan. */
  countAt: Map<number, number> | null;
  /** The visitor keys seen, in first-seen order. */
  visitors: string[];
  seen: Set<string> | null;
  /** The same id's next day (a batch across midnight). */
  nextDay: DayCount | null;
}

function countValue(count: DayCount, key: number): void {
  const { counts } = count;
  if (count.countAt) {
    const at = count.countAt.get(key);
    if (at !== undefined) counts[at + 1]!++;
    else count.countAt.set(key, counts.push(key, 1) - 2);
    return;
  }
  for (let i = 0; i < counts.length; i += 2) {
    if (counts[i] === key) {
      counts[i + 1]!++;
      return;
    }
  }
  counts.push(key, 1);
  if (counts.length > 2 * SCAN_LIMIT) {
    count.countAt = new Map();
    for (let i = 0; i < counts.length; i += 2) count.countAt.set(counts[i]!, i);
  }
}

function countVisitor(count: DayCount, visitor: string): void {
  const { visitors } = count;
  if (count.seen) {
    if (!count.seen.has(visitor)) {
      count.seen.add(visitor);
      visitors.push(visitor);
    }
    return;
  }
  if (visitors.includes(visitor)) return;
  visitors.push(visitor);
  if (visitors.length > SCAN_LIMIT) count.seen = new Set(visitors);
}

/** Counts one scope (a link, or an account) of a batch, keyed by id, then day: no key strings built per click. */
function scopeCounter(keys: ReturnType<typeof valueKeys>) {
  const byId = new Map<number, DayCount>();
  const add = (id: number, day: string, click: EnrichedClick, valueKeysOf: number[]) => {
    let count = byId.get(id);
    if (!count) byId.set(id, (count = newDayCount(id, day)));
    // One day per id, two around midnight.
    while (count.day !== day) count = count.nextDay ??= newDayCount(id, day);
    count.clicks++;
    if (click.isBot) {
      count.bots++;
      return; // bots are counted, never broken down or counted as visitors
    }
    for (const key of valueKeysOf) countValue(count, key);
    if (click.visitor !== null) countVisitor(count, click.visitor);
  };
  const result = (): ScopeRollup => {
    const out: ScopeRollup = {
      counters: { ids: [], days: [], clicks: [], bots: [] },
      dimensions: { ids: [], days: [], dimensions: [], values: [], clicks: [] },
      visitors: { ids: [], days: [], visitors: [] },
    };
    const { counters, dimensions, visitors } = out;
    for (const first of byId.values()) {
      for (let count: DayCount | null = first; count; count = count.nextDay) {
        counters.ids.push(count.id);
        counters.days.push(count.day);
        counters.clicks.push(count.clicks);
        counters.bots.push(count.bots);
        for (let i = 0; i < count.counts.length; i += 2) {
          const key = count.counts[i]!;
          dimensions.ids.push(count.id);
          dimensions.days.push(count.day);
          dimensions.dimensions.push(DIMENSIONS[keys.dimensionOf(key)]![0]);
          dimensions.values.push(keys.valueOf(key));
          dimensions.clicks.push(count.counts[i + 1]!);
        }
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

const newDayCount = (id: number, day: string): DayCount => ({
  id,
  day,
  clicks: 0,
  bots: 0,
  counts: [],
  countAt: null,
  visitors: [],
  seen: null,
  nextDay: null,
});

/**
 * A batch's daily counters, breakdowns and visitor keys per link and per
 * account, counted here rather than in SQL: a hot link's thousands of clicks become
 * a handful of rows to upsert, and PostgreSQL's time goes to storing, not
 * sorting and grouping.
 */
export function rollUp(clicks: EnrichedClick[], ownerOf: (linkId: number) => number): { links: ScopeRollup; accounts: ScopeRollup } {
  const keys = valueKeys();
  const links = scopeCounter(keys);
  const accounts = scopeCounter(keys);
  let dayStart = Number.NaN;
  let day = "";
  const clickKeys: number[] = [];
  for (const click of clicks) {
    const time = click.clickedAt.getTime();
    // Batches are in time order: the day string is made once per day, not per click.
    const start = time - (time % DAY_MS);
    if (start !== dayStart) {
      dayStart = start;
      day = utcDay(time);
    }
    // The click's known breakdown values, looked up once for both scopes.
    clickKeys.length = 0;
    if (!click.isBot) {
      for (let d = 0; d < DIMENSIONS.length; d++) {
        const value = DIMENSIONS[d]![1](click);
        if (value !== "") clickKeys.push(keys.keyOf(d, value));
      }
    }
    links.add(click.linkId, day, click, clickKeys);
    accounts.add(ownerOf(click.linkId), day, click, clickKeys);
  }
  return { links: links.result(), accounts: accounts.result() };
}

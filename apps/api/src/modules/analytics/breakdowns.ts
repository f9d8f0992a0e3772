import { ANALYTICS_TOP_N, type BreakdownItem } from "@shortly/contract";
import type { DimensionRow } from "./repository.js";

/**
 * A dimension's top values with its unknown share, which is not stored: the
 * range's human clicks less the known ones (never below zero, should a batch
 * commit between the two reads). Ties list the unknown first, as "" sorts.
 */
function withUnknown(known: DimensionRow[], humans: number, top: number): BreakdownItem[] {
  const items: BreakdownItem[] = known.map((r) => ({ value: r.value, clicks: r.clicks }));
  const unknown = humans - (known[0]?.known ?? 0);
  if (unknown > 0) {
    const at = items.findIndex((i) => i.clicks <= unknown);
    items.splice(at === -1 ? items.length : at, 0, { value: null, clicks: unknown });
  }
  return items.slice(0, top);
}

export function breakdowns(rows: DimensionRow[], humans: number) {
  const of = (dimension: string): BreakdownItem[] =>
    withUnknown(
      rows.filter((r) => r.dimension === dimension),
      humans,
      ANALYTICS_TOP_N,
    );
  return {
    referrers: of("referrer"),
    countries: of("country"),
    // Stored as "CC\tCity"; the unknown city is left out of the city list (it is in countries).
    cities: rows
      .filter((r) => r.dimension === "city")
      .map((r) => {
        const [country = "", city = ""] = r.value.split("\t");
        return { country, city, clicks: r.clicks };
      }),
    browsers: of("browser"),
    os: of("os"),
    devices: of("device"),
  };
}

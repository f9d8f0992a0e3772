import {
  ANALYTICS_TOP_N,
  type AnalyticsDay,
  type AnalyticsRange,
  type BreakdownItem,
  type DashboardResponse,
  type LinkAnalyticsResponse,
} from "@shortly/contract";
import { stringify } from "csv-stringify";
import type { Readable } from "node:stream";
import { DAY_MS, utcDay } from "../../lib/utc-day.js";
import type { LinksService } from "../links/service.js";
import type { AnalyticsRepository, DayRange, DayRow, DimensionRow, Scope } from "./repository.js";

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
function zeroFilled(range: DayRange, rows: DayRow[]): AnalyticsDay[] {
  const byDay = new Map(rows.map((r) => [r.day, r]));
  const days: AnalyticsDay[] = [];
  for (let t = Date.parse(range.from); t <= Date.parse(range.to); t += DAY_MS) {
    const date = utcDay(t);
    const row = byDay.get(date);
    days.push({ date, clicks: row?.humans ?? 0, visitors: row?.visitors ?? 0, bot_clicks: row?.bots ?? 0 });
  }
  return days;
}

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

function breakdowns(rows: DimensionRow[], humans: number) {
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

const CSV_COLUMNS = [
  "clicked_at",
  "code",
  "referrer",
  "referrer_host",
  "country",
  "city",
  "browser",
  "os",
  "device",
  "is_bot",
  "user_agent",
];

export interface AnalyticsServiceDeps {
  repo: AnalyticsRepository;
  links: Pick<LinksService, "getOwnedOrThrow">;
  clock?: () => Date;
}

export function createAnalyticsService({ repo, links, clock = () => new Date() }: AnalyticsServiceDeps) {
  async function analytics(scope: Scope, range: DayRange): Promise<LinkAnalyticsResponse> {
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

  /** Clicks as CSV, streamed row by row. Cells that a spreadsheet would run as formulas are escaped. */
  function toCsv(rows: Readable): Readable {
    const csv = stringify({
      header: true,
      columns: CSV_COLUMNS,
      escape_formulas: true,
      cast: { date: (d) => d.toISOString(), boolean: (b) => (b ? "true" : "false") },
    });
    rows.on("error", (error) => csv.destroy(error));
    csv.on("close", () => rows.destroy());
    return rows.pipe(csv);
  }

  return {
    async dashboard(userId: number, query: RangeQuery): Promise<DashboardResponse> {
      const range = resolveRange(query, clock());
      const [base, top] = await Promise.all([analytics({ userId }, range), repo.topLinks(userId, range, ANALYTICS_TOP_N)]);
      return { ...base, top_links: top.map((l) => ({ code: l.code, long_url: l.longUrl, clicks: l.clicks })) };
    },

    /** Any state of the link: expired and used-up links keep their history. */
    async forLink(userId: number, code: string, query: RangeQuery): Promise<LinkAnalyticsResponse> {
      const link = await links.getOwnedOrThrow(userId, code);
      return analytics({ linkId: link.id }, resolveRange(query, clock()));
    },

    /** Without a range, every raw click still kept (all of them unless CLICK_RETENTION_DAYS drops old months). */
    async exportLink(userId: number, code: string, query: RangeQuery): Promise<Readable> {
      const link = await links.getOwnedOrThrow(userId, code);
      return toCsv(await repo.streamClicks({ linkId: link.id }, query.range || query.from ? resolveRange(query, clock()) : null));
    },

    async exportAccount(userId: number, query: RangeQuery): Promise<Readable> {
      return toCsv(await repo.streamClicks({ userId }, query.range || query.from ? resolveRange(query, clock()) : null));
    },
  };
}

export type AnalyticsService = ReturnType<typeof createAnalyticsService>;

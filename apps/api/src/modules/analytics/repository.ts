import type pg from "pg";
import QueryStream from "pg-query-stream";
import type { Readable } from "node:stream";
import { Prisma } from "../../generated/prisma/client.js";
import type { Db } from "../../db/prisma-client.js";

/** Whose clicks: one link, or every link of an account. */
export type Scope = { linkId: number } | { userId: number };

/** Inclusive UTC days as "YYYY-MM-DD". */
export interface DayRange {
  from: string;
  to: string;
}

export interface DayRow {
  day: string;
  humans: number;
  bots: number;
  visitors: number;
}

export interface DimensionRow {
  dimension: string;
  value: string;
  clicks: number;
  /** The clicks of every known value of this dimension in the range, top or not. */
  known: number;
}

export interface ExportRow {
  clicked_at: Date;
  code: string;
  referrer: string | null;
  referrer_host: string | null;
  country: string | null;
  city: string | null;
  browser: string | null;
  os: string | null;
  device: string | null;
  is_bot: boolean;
  user_agent: string | null;
}

/**
 * Analytics read the daily rollups the click writer maintains (per link for a
 * link's page, per account for the dashboard), never raw clicks; only the CSV
 * export streams raw rows.
 */
export function createAnalyticsRepository(db: Db, exportPool: pg.Pool) {
  return {
    /** Human clicks, bot clicks and distinct visitors per day that has any. */
    async days(scope: Scope, range: DayRange): Promise<DayRow[]> {
      const [table, key] =
        "linkId" in scope
          ? [Prisma.sql`link_daily_clicks`, Prisma.sql`link_id = ${scope.linkId}`]
          : [Prisma.sql`account_daily_clicks`, Prisma.sql`user_id = ${scope.userId}`];
      const rows = await db.$queryRaw<Array<{ day: Date; humans: number; bots: number; visitors: number }>>`
        SELECT day, clicks - bot_clicks AS humans, bot_clicks AS bots, visitors
        FROM ${table} WHERE ${key} AND day BETWEEN ${range.from}::date AND ${range.to}::date
        ORDER BY day`;
      return rows.map((r) => ({ day: r.day.toISOString().slice(0, 10), humans: r.humans, bots: r.bots, visitors: r.visitors }));
    },

    /**
     * The `top` largest known values of every dimension (ties by value, so the
     * answer is stable), each with its dimension's known total. Unknown values
     * have no rows: they are derived from the day's human clicks.
     */
    async dimensions(scope: Scope, range: DayRange, top: number): Promise<DimensionRow[]> {
      const [table, key] =
        "linkId" in scope
          ? [Prisma.sql`link_daily_dimensions`, Prisma.sql`link_id = ${scope.linkId}`]
          : [Prisma.sql`account_daily_dimensions`, Prisma.sql`user_id = ${scope.userId}`];
      const rows = await db.$queryRaw<Array<{ dimension: string; value: string; clicks: bigint; known: bigint }>>`
        SELECT dimension, value, clicks, known FROM (
          SELECT dimension, value, sum(clicks) AS clicks,
                 sum(sum(clicks)) OVER (PARTITION BY dimension) AS known,
                 row_number() OVER (PARTITION BY dimension ORDER BY sum(clicks) DESC, value) AS rank
          FROM ${table}
          WHERE ${key} AND day BETWEEN ${range.from}::date AND ${range.to}::date
          GROUP BY dimension, value
        ) ranked
        WHERE rank <= ${top}
        ORDER BY dimension, rank`;
      return rows.map((r) => ({ dimension: r.dimension, value: r.value, clicks: Number(r.clicks), known: Number(r.known) }));
    },

    /** An account's most clicked links (human clicks) in the range. */
    async topLinks(userId: number, range: DayRange, top: number): Promise<Array<{ code: string; longUrl: string; clicks: number }>> {
      const rows = await db.$queryRaw<Array<{ code: string; long_url: string; clicks: bigint }>>`
        SELECT l.code, l.long_url, sum(d.clicks - d.bot_clicks) AS clicks
        FROM link_daily_clicks d JOIN links l ON l.id = d.link_id
        WHERE l.user_id = ${userId} AND d.day BETWEEN ${range.from}::date AND ${range.to}::date
        GROUP BY l.id HAVING sum(d.clicks - d.bot_clicks) > 0
        ORDER BY clicks DESC, l.code LIMIT ${top}`;
      return rows.map((r) => ({ code: r.code, longUrl: r.long_url, clicks: Number(r.clicks) }));
    },

    /**
     * Raw clicks in time order through a server-side cursor, 1,000 rows at a
     * time: memory stays flat however many there are. The connection goes
     * back to the pool when the stream ends, fails or is destroyed.
     */
    async streamClicks(scope: Scope, range: DayRange | null): Promise<Readable> {
      const [filter, params] = "linkId" in scope ? ["c.link_id = $1", [scope.linkId]] : ["l.user_id = $1", [scope.userId]];
      const inRange = range ? "AND c.clicked_at >= $2::date AND c.clicked_at < $3::date + 1" : "";
      const client = await exportPool.connect();
      const stream = client.query(
        new QueryStream(
          `SELECT c.clicked_at, l.code, c.referrer, c.referrer_host, c.country, c.city, c.browser, c.os, c.device, c.is_bot, c.user_agent
           FROM clicks c JOIN links l ON l.id = c.link_id
           WHERE ${filter} ${inRange}
           ORDER BY c.link_id, c.clicked_at, c.id`,
          range ? [...params, range.from, range.to] : params,
          { batchSize: 1000 },
        ),
      );
      let released = false;
      const release = (error?: Error) => {
        if (released) return;
        released = true;
        // A cursor abandoned half-way leaves the connection mid-query: drop it rather than reuse it.
        client.release(error ?? (stream.readableEnded ? undefined : new Error("export stopped early")));
      };
      stream.on("end", () => release());
      stream.on("error", (error) => release(error));
      stream.on("close", () => release());
      return stream;
    },
  };
}

export type AnalyticsRepository = ReturnType<typeof createAnalyticsRepository>;

import type { Db } from "../../db/prisma-client.js";
import { Prisma } from "../../generated/prisma/client.js";
import type { DayRange, Scope } from "./scope.js";

export interface DimensionRow {
  dimension: string;
  value: string;
  clicks: number;
  /** The clicks of every known value of this dimension in the range, top or not. */
  known: number;
}

export function createDimensionsRepository(db: Db) {
  return {
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
  };
}

import type { Db } from "../../db/prisma-client.js";
import { Prisma } from "../../generated/prisma/client.js";
import type { DayRange, Scope } from "./scope.js";

export interface DayRow {
  day: string;
  humans: number;
  bots: number;
  visitors: number;
}

export function createDailyClicksRepository(db: Db) {
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
  };
}

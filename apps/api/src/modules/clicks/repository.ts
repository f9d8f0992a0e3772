import type { Db } from "../../db/prisma-client.js";

/** Reads of stored clicks for the links module (the writer has its own repository). */
export function createClicksRepository(db: Db) {
  return {
    /** Clicks per UTC day from the daily counters (primary key order). */
    async clicksByDay(linkId: number): Promise<Array<{ day: string; clicks: number }>> {
      const rows = await db.linkDailyClicks.findMany({ where: { linkId }, orderBy: { day: "asc" }, select: { day: true, clicks: true } });
      return rows.map((r) => ({ day: r.day.toISOString().slice(0, 10), clicks: r.clicks }));
    },

    async totalsByLink(linkIds: number[]): Promise<Map<number, number>> {
      if (linkIds.length === 0) return new Map();
      const rows = await db.linkDailyClicks.groupBy({ by: ["linkId"], where: { linkId: { in: linkIds } }, _sum: { clicks: true } });
      return new Map(rows.map((row) => [row.linkId, row._sum.clicks ?? 0]));
    },
  };
}

export type ClicksRepository = ReturnType<typeof createClicksRepository>;

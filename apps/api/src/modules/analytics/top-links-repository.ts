import type { Db } from "../../db/prisma-client.js";
import type { DayRange } from "./scope.js";

export function createTopLinksRepository(db: Db) {
  return {
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
  };
}

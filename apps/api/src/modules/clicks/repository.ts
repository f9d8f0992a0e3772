import type { Db } from "../../db/prisma-client.js";

export interface NewClick {
  linkId: number;
  clickedAt: Date;
  referrer: string | null;
  userAgent: string | null;
  ip: string | null;
}

export function createClicksRepository(db: Db) {
  return {
    /**
     * One INSERT per batch. Clicks of links deleted since the visit are
     * skipped by the join, so one deleted link cannot block its batch.
     */
    async insertMany(clicks: NewClick[]): Promise<number> {
      if (clicks.length === 0) return 0;
      return db.$executeRaw`
        INSERT INTO clicks (link_id, clicked_at, referrer, user_agent, ip)
        SELECT c.link_id, c.clicked_at, c.referrer, c.user_agent, c.ip
        FROM unnest(
          ${clicks.map((c) => c.linkId)}::int[],
          ${clicks.map((c) => c.clickedAt.toISOString())}::timestamptz[],
          ${clicks.map((c) => c.referrer)}::text[],
          ${clicks.map((c) => c.userAgent)}::text[],
          ${clicks.map((c) => c.ip)}::text[]
        ) AS c(link_id, clicked_at, referrer, user_agent, ip)
        JOIN links ON links.id = c.link_id`;
    },

    /** Clicks per UTC day; served by clicks_link_id_clicked_at_idx. */
    clicksByDay(linkId: number): Promise<Array<{ day: string; clicks: number }>> {
      return db.$queryRaw<Array<{ day: string; clicks: number }>>`
        SELECT to_char(clicked_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, count(*)::int AS clicks
        FROM clicks WHERE link_id = ${linkId}
        GROUP BY 1 ORDER BY 1`;
    },

    async totalsByLink(linkIds: number[]): Promise<Map<number, number>> {
      if (linkIds.length === 0) return new Map();
      const rows = await db.click.groupBy({ by: ["linkId"], where: { linkId: { in: linkIds } }, _count: { _all: true } });
      return new Map(rows.map((row) => [row.linkId, row._count._all]));
    },
  };
}

export type ClicksRepository = ReturnType<typeof createClicksRepository>;

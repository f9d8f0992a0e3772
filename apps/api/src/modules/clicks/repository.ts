import type { Db } from "../../db/prisma-client.js";

export interface NewClick {
  linkId: number;
  clickedAt: Date;
  referrer: string | null;
  userAgent: string | null;
  ip: string | null;
}

/** Where a batch ends in its spool, recorded in the same statement as the batch. */
export interface SpoolPosition {
  spoolId: string;
  lastSeq: number;
}

export function createClicksRepository(db: Db) {
  return {
    /**
     * Writes a batch in ONE statement, so it is all-or-nothing: the click
     * rows, the per-day counters (one upsert per link and day, in key order
     * so concurrent writers cannot deadlock) and the spool checkpoint.
     * Clicks of links deleted since the visit are skipped by the join.
     */
    async insertBatch(clicks: NewClick[], position: SpoolPosition | null): Promise<void> {
      if (clicks.length === 0 && !position) return;
      await db.$executeRaw`
        WITH input AS (
          SELECT c.* FROM unnest(
            ${clicks.map((c) => c.linkId)}::int[],
            ${clicks.map((c) => c.clickedAt.toISOString())}::timestamptz[],
            ${clicks.map((c) => c.referrer)}::text[],
            ${clicks.map((c) => c.userAgent)}::text[],
            ${clicks.map((c) => c.ip)}::text[]
          ) AS c(link_id, clicked_at, referrer, user_agent, ip)
          JOIN links ON links.id = c.link_id
        ),
        inserted AS (
          INSERT INTO clicks (link_id, clicked_at, referrer, user_agent, ip)
          SELECT link_id, clicked_at, referrer, user_agent, ip FROM input
          RETURNING link_id, clicked_at
        ),
        counted AS (
          INSERT INTO link_daily_clicks (link_id, day, clicks)
          SELECT link_id, (clicked_at AT TIME ZONE 'UTC')::date, count(*)::int FROM inserted
          GROUP BY 1, 2 ORDER BY 1, 2
          ON CONFLICT (link_id, day) DO UPDATE SET clicks = link_daily_clicks.clicks + EXCLUDED.clicks
        )
        INSERT INTO click_spool_checkpoints (spool_id, last_seq, updated_at)
        SELECT ${position?.spoolId ?? ""}, ${position?.lastSeq ?? 0}, now() WHERE ${position !== null}
        ON CONFLICT (spool_id) DO UPDATE SET last_seq = GREATEST(click_spool_checkpoints.last_seq, EXCLUDED.last_seq), updated_at = now()`;
    },

    async checkpoints(spoolIds: string[]): Promise<Map<string, number>> {
      if (spoolIds.length === 0) return new Map();
      const rows = await db.clickSpoolCheckpoint.findMany({ where: { spoolId: { in: spoolIds } } });
      return new Map(rows.map((r) => [r.spoolId, Number(r.lastSeq)]));
    },

    async forgetCheckpoints(spoolIds: string[]): Promise<void> {
      if (spoolIds.length) await db.clickSpoolCheckpoint.deleteMany({ where: { spoolId: { in: spoolIds } } });
    },

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

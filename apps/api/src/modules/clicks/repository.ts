import type pg from "pg";
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

/**
 * A batch in ONE statement, so it is all-or-nothing: the click rows, the
 * per-day counters (one upsert per link and day, in key order so concurrent
 * writers cannot deadlock) and the spool checkpoint. Clicks of links deleted
 * since the visit are skipped by the join.
 */
const INSERT_BATCH = `
  WITH input AS (
    SELECT c.* FROM unnest($1::int[], $2::timestamptz[], $3::text[], $4::text[], $5::text[])
      AS c(link_id, clicked_at, referrer, user_agent, ip)
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
  SELECT $6, $7, now() WHERE $8::boolean
  ON CONFLICT (spool_id) DO UPDATE SET last_seq = GREATEST(click_spool_checkpoints.last_seq, EXCLUDED.last_seq), updated_at = now()`;

/** `writer` is the click writer's own pg pool (plugins/pg-pool.ts); everything else goes through Prisma. */
export function createClicksRepository(db: Db, writer: pg.Pool) {
  return {
    async insertBatch(clicks: NewClick[], position: SpoolPosition | null): Promise<void> {
      if (clicks.length === 0 && !position) return;
      const linkIds = new Array<number>(clicks.length);
      const times = new Array<string>(clicks.length);
      const referrers = new Array<string | null>(clicks.length);
      const agents = new Array<string | null>(clicks.length);
      const ips = new Array<string | null>(clicks.length);
      clicks.forEach((c, i) => {
        linkIds[i] = c.linkId;
        times[i] = c.clickedAt.toISOString();
        referrers[i] = c.referrer;
        agents[i] = c.userAgent;
        ips[i] = c.ip;
      });
      await writer.query(INSERT_BATCH, [linkIds, times, referrers, agents, ips, position?.spoolId ?? "", position?.lastSeq ?? 0, position !== null]);
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

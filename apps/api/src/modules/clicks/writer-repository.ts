import type pg from "pg";
import type { EnrichedClick, SpoolPosition } from "./click.js";

/**
 * A batch in ONE statement, so it is all-or-nothing and a retried or replayed
 * batch is skipped as a whole by its checkpoint: the click rows; per link and
 * per account, the daily counters (clicks, bots, distinct visitors) and the
 * daily per-dimension counters (referrer, country, city as "CC<tab>City",
 * browser, os, device; "" for unknown); and the spool checkpoint. Every upsert runs in
 * key order so concurrent writers cannot deadlock. Clicks of links deleted
 * since the visit are skipped by the join.
 */
const INSERT_BATCH = `
  WITH input AS (
    SELECT c.*, (c.clicked_at AT TIME ZONE 'UTC')::date AS day, links.user_id
    FROM unnest($1::int[], $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                $8::text[], $9::text[], $10::text[], $11::bool[], $12::int8[])
      AS c(link_id, clicked_at, referrer, referrer_host, user_agent, browser, os, device, country, city, is_bot, visitor)
    JOIN links ON links.id = c.link_id
  ),
  inserted AS (
    INSERT INTO clicks (link_id, clicked_at, referrer, referrer_host, user_agent, browser, os, device, country, city, is_bot, visitor)
    SELECT link_id, clicked_at, referrer, referrer_host, user_agent, browser, os, device, country, city, is_bot, visitor FROM input
  ),
  new_link_visitors AS (
    INSERT INTO link_visitor_days (link_id, day, visitor)
    SELECT DISTINCT link_id, day, visitor FROM input WHERE NOT is_bot AND visitor IS NOT NULL ORDER BY 1, 2, 3
    ON CONFLICT DO NOTHING
    RETURNING link_id, day
  ),
  counted AS (
    INSERT INTO link_daily_clicks (link_id, day, clicks, bot_clicks, visitors)
    SELECT k.link_id, k.day, k.clicks, k.bots, coalesce(v.visitors, 0)
    FROM (SELECT link_id, day, count(*)::int AS clicks, (count(*) FILTER (WHERE is_bot))::int AS bots FROM input GROUP BY 1, 2) k
    LEFT JOIN (SELECT link_id, day, count(*)::int AS visitors FROM new_link_visitors GROUP BY 1, 2) v USING (link_id, day)
    ORDER BY 1, 2
    ON CONFLICT (link_id, day) DO UPDATE SET
      clicks = link_daily_clicks.clicks + EXCLUDED.clicks,
      bot_clicks = link_daily_clicks.bot_clicks + EXCLUDED.bot_clicks,
      visitors = link_daily_clicks.visitors + EXCLUDED.visitors
  ),
  human_dimensions AS (
    SELECT link_id, user_id, day, d.dimension, d.value
    FROM input CROSS JOIN LATERAL (VALUES
      ('referrer', coalesce(referrer_host, '')), ('country', coalesce(country, '')),
      ('city', CASE WHEN city IS NULL THEN '' ELSE country || E'\t' || city END),
      ('browser', coalesce(browser, '')), ('os', coalesce(os, '')), ('device', coalesce(device, ''))
    ) AS d(dimension, value)
    WHERE NOT is_bot
  ),
  link_dimensions AS (
    INSERT INTO link_daily_dimensions (link_id, day, dimension, value, clicks)
    SELECT link_id, day, dimension, value, count(*)::int FROM human_dimensions
    GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT (link_id, day, dimension, value) DO UPDATE SET clicks = link_daily_dimensions.clicks + EXCLUDED.clicks
  ),
  new_account_visitors AS (
    INSERT INTO account_visitor_days (user_id, day, visitor)
    SELECT DISTINCT user_id, day, visitor FROM input WHERE NOT is_bot AND visitor IS NOT NULL ORDER BY 1, 2, 3
    ON CONFLICT DO NOTHING
    RETURNING user_id, day
  ),
  account_counted AS (
    INSERT INTO account_daily_clicks (user_id, day, clicks, bot_clicks, visitors)
    SELECT k.user_id, k.day, k.clicks, k.bots, coalesce(v.visitors, 0)
    FROM (SELECT user_id, day, count(*)::int AS clicks, (count(*) FILTER (WHERE is_bot))::int AS bots FROM input GROUP BY 1, 2) k
    LEFT JOIN (SELECT user_id, day, count(*)::int AS visitors FROM new_account_visitors GROUP BY 1, 2) v USING (user_id, day)
    ORDER BY 1, 2
    ON CONFLICT (user_id, day) DO UPDATE SET
      clicks = account_daily_clicks.clicks + EXCLUDED.clicks,
      bot_clicks = account_daily_clicks.bot_clicks + EXCLUDED.bot_clicks,
      visitors = account_daily_clicks.visitors + EXCLUDED.visitors
  ),
  account_dimensions AS (
    INSERT INTO account_daily_dimensions (user_id, day, dimension, value, clicks)
    SELECT user_id, day, dimension, value, count(*)::int FROM human_dimensions
    GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT (user_id, day, dimension, value) DO UPDATE SET clicks = account_daily_dimensions.clicks + EXCLUDED.clicks
  )
  INSERT INTO click_spool_checkpoints (spool_id, last_seq, updated_at)
  SELECT $13, $14, now() WHERE $15::boolean
  ON CONFLICT (spool_id) DO UPDATE SET last_seq = GREATEST(click_spool_checkpoints.last_seq, EXCLUDED.last_seq), updated_at = now()`;

/** One array per column, for unnest: one round trip however large the batch. */
function toColumns(clicks: EnrichedClick[]) {
  const n = clicks.length;
  const cols = {
    linkIds: new Array<number>(n),
    times: new Array<string>(n),
    referrers: new Array<string | null>(n),
    hosts: new Array<string | null>(n),
    agents: new Array<string | null>(n),
    browsers: new Array<string | null>(n),
    oses: new Array<string | null>(n),
    devices: new Array<string | null>(n),
    countries: new Array<string | null>(n),
    cities: new Array<string | null>(n),
    bots: new Array<boolean>(n),
    visitors: new Array<string | null>(n),
  };
  clicks.forEach((c, i) => {
    cols.linkIds[i] = c.linkId;
    cols.times[i] = c.clickedAt.toISOString();
    cols.referrers[i] = c.referrer;
    cols.hosts[i] = c.referrerHost;
    cols.agents[i] = c.userAgent;
    cols.browsers[i] = c.browser;
    cols.oses[i] = c.os;
    cols.devices[i] = c.device;
    cols.countries[i] = c.country;
    cols.cities[i] = c.city;
    cols.bots[i] = c.isBot;
    cols.visitors[i] = c.visitor;
  });
  return Object.values(cols);
}

/**
 * The click writer's data access, on its own small node-postgres pool in the
 * writer thread: batches carry thousands of array elements, which plain pg
 * encodes for a fraction of what Prisma costs.
 */
export function createClickWriterRepository(pool: pg.Pool) {
  return {
    async insertBatch(clicks: EnrichedClick[], position: SpoolPosition | null): Promise<void> {
      if (clicks.length === 0 && !position) return;
      await pool.query(INSERT_BATCH, [...toColumns(clicks), position?.spoolId ?? "", position?.lastSeq ?? 0, position !== null]);
    },

    /**
     * The salt of a UTC day ("YYYY-MM-DD"): the first instance to need it
     * stores a random one, every other instance reads that one.
     */
    async saltFor(day: string, candidate: Buffer): Promise<Buffer> {
      // A second try is needed only when another instance inserted the day's salt after this statement's snapshot.
      for (;;) {
        const { rows } = await pool.query<{ salt: Buffer }>(
          `WITH ins AS (INSERT INTO visitor_salts (day, salt) VALUES ($1, $2) ON CONFLICT (day) DO NOTHING RETURNING salt)
           SELECT salt FROM ins UNION ALL SELECT salt FROM visitor_salts WHERE day = $1`,
          [day, candidate],
        );
        if (rows[0]) return rows[0].salt;
      }
    },

    /** Forgets salts and counted visitor keys of days before `day`: their keys can no longer be recomputed. */
    async pruneVisitorDataBefore(day: string): Promise<void> {
      await pool.query(
        `WITH a AS (DELETE FROM visitor_salts WHERE day < $1), b AS (DELETE FROM link_visitor_days WHERE day < $1)
         DELETE FROM account_visitor_days WHERE day < $1`,
        [day],
      );
    },

    async checkpoints(spoolIds: string[]): Promise<Map<string, number>> {
      if (spoolIds.length === 0) return new Map();
      const { rows } = await pool.query<{ spool_id: string; last_seq: string }>(
        "SELECT spool_id, last_seq FROM click_spool_checkpoints WHERE spool_id = ANY($1)",
        [spoolIds],
      );
      return new Map(rows.map((r) => [r.spool_id, Number(r.last_seq)]));
    },

    async forgetCheckpoints(spoolIds: string[]): Promise<void> {
      if (spoolIds.length) await pool.query("DELETE FROM click_spool_checkpoints WHERE spool_id = ANY($1)", [spoolIds]);
    },
  };
}

export type ClickWriterRepository = ReturnType<typeof createClickWriterRepository>;

import type { ScopeRollup } from "./rollup-columns.js";

/** A scope's rollup upserts: visitor keys first, so the counters can add the visitors that were new. */
const scopeUpserts = (scope: "link" | "account", idColumn: string, first: number) => {
  const $ = (i: number) => `$${first + i}`;
  return `
  new_${scope}_visitors AS (
    INSERT INTO ${scope}_visitor_days (${idColumn}, day, visitor)
    SELECT * FROM unnest(${$(0)}::int[], ${$(1)}::date[], ${$(2)}::int8[]) ORDER BY 1, 2, 3
    ON CONFLICT DO NOTHING
    RETURNING ${idColumn}, day
  ),
  ${scope}_counted AS (
    INSERT INTO ${scope}_daily_clicks (${idColumn}, day, clicks, bot_clicks, visitors)
    SELECT k.id, k.day, k.clicks, k.bots, coalesce(v.visitors, 0)
    FROM unnest(${$(3)}::int[], ${$(4)}::date[], ${$(5)}::int[], ${$(6)}::int[]) AS k(id, day, clicks, bots)
    LEFT JOIN (SELECT ${idColumn} AS id, day, count(*)::int AS visitors FROM new_${scope}_visitors GROUP BY 1, 2) v USING (id, day)
    ORDER BY 1, 2
    ON CONFLICT (${idColumn}, day) DO UPDATE SET
      clicks = ${scope}_daily_clicks.clicks + EXCLUDED.clicks,
      bot_clicks = ${scope}_daily_clicks.bot_clicks + EXCLUDED.bot_clicks,
      visitors = ${scope}_daily_clicks.visitors + EXCLUDED.visitors
  ),
  ${scope}_dimensions AS (
    INSERT INTO ${scope}_daily_dimensions (${idColumn}, day, dimension, value, clicks)
    SELECT * FROM unnest(${$(7)}::int[], ${$(8)}::date[], ${$(9)}::text[], ${$(10)}::text[], ${$(11)}::int[]) ORDER BY 1, 2, 3, 4
    ON CONFLICT (${idColumn}, day, dimension, value) DO UPDATE SET clicks = ${scope}_daily_dimensions.clicks + EXCLUDED.clicks
  )`;
};

/**
 * A batch's rollups and its spool checkpoint, after its clicks were copied
 * in the same transaction: per link and per account, the daily counters
 * (clicks, bots, distinct visitors), the daily per-dimension counters and the
 * day's visitor keys, all counted beforehand (click-rollups.ts). Every upsert
 * runs in key order, so concurrent writers wait for each other rather than
 * deadlock (should plans ever interleave the tables differently, a deadlock
 * fails one batch, which is retried like any failed batch).
 */
export const ROLLUPS_AND_CHECKPOINT = `
  WITH${scopeUpserts("link", "link_id", 1)},${scopeUpserts("account", "user_id", 13)}
  INSERT INTO click_spool_checkpoints (spool_id, last_seq, updated_at)
  SELECT $25, $26, now() WHERE $27::boolean
  ON CONFLICT (spool_id) DO UPDATE SET last_seq = GREATEST(click_spool_checkpoints.last_seq, EXCLUDED.last_seq), updated_at = now()`;

/**
 * Clicks have no foreign key (it checked every row): this takes each of the
 * batch's links' key-share lock once, in id order, and reads their owners. A
 * deletion then waits for the batch, and its trigger removes what the batch
 * stored; a link deleted before is not found, and its clicks are left out.
 */
export const LOCK_LINKS = "SELECT id, user_id FROM links WHERE id = ANY($1::int[]) ORDER BY id FOR KEY SHARE";

export const scopeParams = ({ visitors: v, counters: c, dimensions: d }: ScopeRollup) => [
  v.ids,
  v.days,
  v.visitors,
  c.ids,
  c.days,
  c.clicks,
  c.bots,
  d.ids,
  d.days,
  d.dimensions,
  d.values,
  d.clicks,
];

import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { clickRows, COPY_CLICKS } from "./click-copy.js";
import type { EnrichedClick, SpoolPosition } from "./click.js";
import { rollUp, type ScopeRollup } from "./click-rollups.js";

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
const ROLLUPS_AND_CHECKPOINT = `
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
const LOCK_LINKS = "SELECT id, user_id FROM links WHERE id = ANY($1::int[]) ORDER BY id FOR KEY SHARE";

const scopeParams = ({ visitors: v, counters: c, dimensions: d }: ScopeRollup) => [
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

/**
 * The click writer's data access, on its own small node-postgres pool in the
 * writer thread: COPY and batches of array parameters, which plain pg does
 * for a fraction of what Prisma costs.
 */
export function createClickWriterRepository(pool: pg.Pool) {
  return {
    /**
     * A batch in ONE transaction, so it is all-or-nothing and a retried or
     * replayed batch is skipped as a whole by its checkpoint: the links
     * locked, the clicks copied, the rollups and the checkpoint written.
     */
    async insertBatch(clicks: EnrichedClick[], position: SpoolPosition | null): Promise<void> {
      if (clicks.length === 0 && !position) return;
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query("BEGIN");
        const { rows } = await client.query<{ id: number; user_id: number }>({
          name: "click-batch-links",
          text: LOCK_LINKS,
          values: [[...new Set(clicks.map((c) => c.linkId))]],
        });
        const owners = new Map(rows.map((r) => [r.id, r.user_id]));
        const kept = clicks.filter((c) => owners.has(c.linkId));
        if (kept.length > 0) await pipeline(Readable.from([clickRows(kept)]), client.query(copyFrom(COPY_CLICKS)));
        const { links, accounts } = rollUp(kept, (linkId) => owners.get(linkId)!);
        // Named: each connection parses and plans this large statement once, not once per batch.
        await client.query({
          name: "click-batch-rollups",
          text: ROLLUPS_AND_CHECKPOINT,
          values: [...scopeParams(links), ...scopeParams(accounts), position?.spoolId ?? "", position?.lastSeq ?? 0, position !== null],
        });
        await client.query("COMMIT");
      } catch (error) {
        // A connection that cannot roll back is closed rather than reused.
        await client.query("ROLLBACK").catch((rollbackError: Error) => (broken = rollbackError));
        throw error;
      } finally {
        client.release(broken);
      }
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

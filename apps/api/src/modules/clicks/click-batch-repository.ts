import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { LOCK_LINKS, ROLLUPS_AND_CHECKPOINT, scopeParams } from "./click-batch-sql.js";
import { clickRows, COPY_CLICKS } from "./click-copy.js";
import type { EnrichedClick, SpoolPosition } from "./click.js";
import { rollUp } from "./click-rollups.js";

export function createClickBatchRepository(pool: pg.Pool) {
  return {
    /**
     * A batch in ONE transaction, so it is all-or-nothing and a retried or
     * replayed batch is skipped as a whole by its checkpoint: the links
     * locked, the clicks copied, the rollups and the checkpoint written.
     */
    async insertBatch(clicks: EnrichedClick[], position: SpoolPosition | null): Promise<void> {
      if (clicks.length === 0 && !position) return;
      // Built before the transaction, with the owners the clicks carry, so the links' locks are
      // held only while PostgreSQL works; built again below only if a link went or changed hands.
      const carried = new Map(clicks.map((c) => [c.linkId, c.userId]));
      let rows = clickRows(clicks);
      let rollups = rollUp(clicks, (linkId) => carried.get(linkId)!);
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query("BEGIN");
        const { rows: locked } = await client.query<{ id: number; user_id: number }>({
          name: "click-batch-links",
          text: LOCK_LINKS,
          values: [[...carried.keys()]],
        });
        const owners = new Map(locked.map((r) => [r.id, r.user_id]));
        if (owners.size !== carried.size || locked.some((r) => carried.get(r.id) !== r.user_id)) {
          const kept = clicks.filter((c) => owners.has(c.linkId));
          rows = clickRows(kept);
          rollups = rollUp(kept, (linkId) => owners.get(linkId)!);
        }
        if (rows.length > 0) await pipeline(Readable.from(rows), client.query(copyFrom(COPY_CLICKS)));
        const { links, accounts } = rollups;
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
  };
}

import type pg from "pg";

/** How far into each instance's click spool everything is stored. */
export function createSpoolCheckpointsRepository(pool: pg.Pool) {
  return {
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

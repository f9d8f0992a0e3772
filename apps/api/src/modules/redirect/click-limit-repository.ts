import type pg from "pg";

/** Links with a click limit: whether a click is left, and taking one. */
export function createClickLimitRepository(pool: pg.Pool) {
  return {
    /** For HEAD and bots: would a visit be let through now? (Takes nothing.) */
    async hasClicksLeft(linkId: number): Promise<boolean> {
      const { rows } = await pool.query<{ left: boolean }>({
        name: "redirect-has-clicks-left",
        text: "SELECT max_clicks IS NULL OR clicks_used < max_clicks AS left FROM links WHERE id = $1",
        values: [linkId],
      });
      return rows[0]?.left === true;
    },

    /**
     * Atomically takes one of a limited link's clicks: the row lock makes
     * concurrent visits queue, and the condition admits exactly max_clicks.
     */
    async claimClick(linkId: number): Promise<boolean> {
      const { rowCount } = await pool.query({
        name: "redirect-claim-click",
        text: "UPDATE links SET clicks_used = clicks_used + 1 WHERE id = $1 AND max_clicks IS NOT NULL AND clicks_used < max_clicks",
        values: [linkId],
      });
      return rowCount === 1;
    },
  };
}

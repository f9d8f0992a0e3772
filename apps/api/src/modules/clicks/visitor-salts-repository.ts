import type pg from "pg";

/** The daily salts that make visitor keys, and the keys counted with them. */
export function createVisitorSaltsRepository(pool: pg.Pool) {
  return {
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
  };
}

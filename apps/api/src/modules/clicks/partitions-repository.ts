import type pg from "pg";

const PARTITION_NAME = /^clicks_y(\d{4})m(\d{2})$/;
const DUPLICATE_TABLE = "42P07";

/** The first instant of the UTC month holding `at`, moved by `months`. */
export function monthStart(at: Date, months = 0): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + months, 1));
}

/** The raw clicks' monthly partitions (migration 20261202000000): created ahead, dropped past retention. */
export function createClickPartitionsRepository(pool: pg.Pool) {
  return {
    /** Creates the partitions of the months from `from` on, `count` of them, where missing. */
    async ensureMonths(from: Date, count: number): Promise<void> {
      for (let i = 0; i < count; i++) {
        await pool.query("SELECT create_click_partition($1)", [monthStart(from, i)]).catch((error: { code?: string }) => {
          if (error.code !== DUPLICATE_TABLE) throw error; // another instance created it a moment ago
        });
      }
    },

    /** The monthly partitions and the first instant after each. */
    async months(): Promise<Array<{ name: string; end: Date }>> {
      const { rows } = await pool.query<{ name: string }>(
        `SELECT c.relname AS name FROM pg_inherits i
         JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent
         WHERE p.relname = 'clicks'`,
      );
      return rows.flatMap(({ name }) => {
        const match = PARTITION_NAME.exec(name);
        return match ? [{ name, end: new Date(Date.UTC(Number(match[1]), Number(match[2]), 1)) }] : [];
      });
    },

    /** Drops a whole month of raw clicks: one statement, no row-by-row delete. */
    async dropMonth(name: string): Promise<void> {
      if (!PARTITION_NAME.test(name)) throw new Error(`not a click partition: ${name}`);
      await pool.query(`DROP TABLE IF EXISTS "${name}"`);
    },

    /** Clicks that landed outside every month (the default partition) and are older than `cutoff`. */
    async deleteStrayBefore(cutoff: Date): Promise<number> {
      const { rowCount } = await pool.query("DELETE FROM clicks_default WHERE clicked_at < $1", [cutoff]);
      return rowCount ?? 0;
    },
  };
}

export type ClickPartitionsRepository = ReturnType<typeof createClickPartitionsRepository>;

import type pg from "pg";

const PARTITION_NAME = /^clicks_y(\d{4})m(\d{2})$/;
const DUPLICATE_TABLE = "42P07";
/** Creating or dropping a partition locks all of `clicks`: never wait long for it (a long CSV export holds a read lock). */
const LOCK_TIMEOUT = "2s";

/** The first instant of the UTC month holding `at`, moved by `months`. */
export function monthStart(at: Date, months = 0): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + months, 1));
}

/** The raw clicks' monthly partitions (migration 20261202000000): created ahead, dropped past retention. */
export function createClickPartitionsRepository(pool: pg.Pool) {
  /** Runs a statement that locks `clicks`, giving up after LOCK_TIMEOUT instead of queueing every insert behind it. */
  async function withShortLock(sql: string, values: unknown[] = []): Promise<void> {
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      await client.query(`SET LOCAL lock_timeout = '${LOCK_TIMEOUT}'`);
      await client.query(sql, values);
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  return {
    /**
     * Creates the partitions of the months from `from` on, `count` of them,
     * where missing. Returns the months that could not be created (a lock not
     * had in time, or stray rows of that month in the default partition); the
     * next run tries again.
     */
    async ensureMonths(from: Date, count: number): Promise<Array<{ month: Date; error: unknown }>> {
      const failed: Array<{ month: Date; error: unknown }> = [];
      for (let i = 0; i < count; i++) {
        const month = monthStart(from, i);
        await withShortLock("SELECT create_click_partition($1)", [month]).catch((error: { code?: string }) => {
          if (error.code !== DUPLICATE_TABLE) failed.push({ month, error }); // a duplicate: another instance created it a moment ago
        });
      }
      return failed;
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
      await withShortLock(`DROP TABLE IF EXISTS "${name}"`);
    },

    /** Clicks that landed outside every month (the default partition) and are older than `cutoff`. */
    async deleteStrayBefore(cutoff: Date): Promise<number> {
      const { rowCount } = await pool.query("DELETE FROM clicks_default WHERE clicked_at < $1", [cutoff]);
      return rowCount ?? 0;
    },
  };
}

export type ClickPartitionsRepository = ReturnType<typeof createClickPartitionsRepository>;

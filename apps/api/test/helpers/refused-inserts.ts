import type pg from "pg";

/**
 * Runs `fn` while inserts into `table` matching `when` (SQL over NEW) fail,
 * as a database error half-way through a change would: for proving that a
 * change is stored whole or not at all.
 */
export async function whileInsertsRefused<T>(db: pg.Pool, table: string, when: string, fn: () => Promise<T>): Promise<T> {
  const name = `test_refuse_${table}`;
  await db.query(
    `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF ${when} THEN RAISE EXCEPTION 'refused by a test'; END IF; RETURN NEW; END $$`,
  );
  await db.query(`CREATE TRIGGER ${name} BEFORE INSERT ON ${table} FOR EACH ROW EXECUTE FUNCTION ${name}()`);
  try {
    return await fn();
  } finally {
    await db.query(`DROP TRIGGER IF EXISTS ${name} ON ${table}`);
    await db.query(`DROP FUNCTION IF EXISTS ${name}()`);
  }
}

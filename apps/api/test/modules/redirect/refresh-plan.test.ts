// The cache's refresh reads hundreds of codes with one prepared statement,
// which PostgreSQL may plan generically. With the link search's trigram
// index on the code column, that generic plan took the trigram index for
// the equality and spent over a second per refresh.
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { FIND_BY_CODES } from "../../../src/modules/redirect/repository.js";
import { resetDatabaseBeforeEach, testDb } from "../../helpers/build-test-app.js";

const db = testDb();
resetDatabaseBeforeEach(db);

describe("the cache refresh's query", () => {
  it("reads codes through the unique index, also when planned generically", async () => {
    const { rows } = await db.query("INSERT INTO users (email, password_hash) VALUES ('plan@example.com', NULL) RETURNING id");
    await db.query(
      `INSERT INTO links (code, long_url, user_id, updated_at)
       SELECT 'pl' || lpad(i::text, 6, '0'), 'https://example.com/' || i, $1, now() FROM generate_series(1, 10000) AS i`,
      [rows[0].id],
    );
    // A GIN index filled after it was built (here since the reset's TRUNCATE) keeps the statistics
    // of an empty index until a vacuum, and the planner then rates it cheap: the case to catch.
    await db.query("ANALYZE links");
    const client = new pg.Client({ connectionString: inject("databaseUrl") });
    await client.connect();
    try {
      await client.query("SET plan_cache_mode = force_generic_plan");
      await client.query(`PREPARE refresh(varchar[]) AS ${FIND_BY_CODES}`);
      const codes = Array.from({ length: 200 }, (_, i) => `pl${String(i * 7 + 1).padStart(6, "0")}`);
      const codesLiteral = client.escapeLiteral(`{${codes.join(",")}}`); // EXECUTE under EXPLAIN takes no bind parameters
      const plan = (await client.query(`EXPLAIN (FORMAT JSON) EXECUTE refresh(${codesLiteral})`)).rows[0]["QUERY PLAN"];
      const indexes = [...JSON.stringify(plan).matchAll(/"Index Name":"([^"]+)"/g)].map((m) => m[1]!);
      expect(indexes).toContain("links_code_key");
      const methods = await client.query(
        "SELECT DISTINCT am.amname FROM pg_class c JOIN pg_am am ON am.oid = c.relam WHERE c.relname = ANY($1)",
        [indexes],
      );
      expect(methods.rows).toEqual([{ amname: "btree" }]);
      const found = await client.query(`EXECUTE refresh(${codesLiteral})`);
      expect(found.rows).toHaveLength(200);
    } finally {
      await client.end();
    }
  });
});

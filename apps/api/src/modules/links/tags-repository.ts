import type { Db } from "../../db/prisma-client.js";

export function createTagsRepository(db: Db) {
  return {
    /** The account's tags, each under its most used spelling, with how many links carry it; most used first. */
    tagCounts(userId: number): Promise<Array<{ name: string; count: number }>> {
      return db.$queryRaw`
        WITH spellings AS (
          SELECT t.key, t.name, count(*) AS n
          FROM links l, unnest(l.tags, l.tag_keys) AS t(name, key) WHERE l.user_id = ${userId} GROUP BY 1, 2)
        SELECT (array_agg(name ORDER BY n DESC, name))[1] AS name, sum(n)::int AS count
        FROM spellings GROUP BY key ORDER BY count DESC, name`;
    },

    /** How the account already spells the given tag keys, so a new link joins an existing tag rather than starting a second spelling. */
    async tagSpellings(userId: number, keys: string[]): Promise<Map<string, string>> {
      if (keys.length === 0) return new Map();
      const rows = await db.$queryRaw<Array<{ key: string; name: string }>>`
        SELECT DISTINCT ON (t.key) t.key, t.name
        FROM links l, unnest(l.tags, l.tag_keys) AS t(name, key)
        WHERE l.user_id = ${userId} AND l.tag_keys && ${keys}::text[] AND t.key = ANY(${keys}::text[])
        ORDER BY t.key, l.created_at`;
      return new Map(rows.map((r) => [r.key, r.name]));
    },
  };
}

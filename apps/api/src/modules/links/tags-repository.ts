import type { Db } from "../../db/prisma-client.js";

export function createTagsRepository(db: Db) {
  return {
    /** The account's tags, each under its most used spelling, with how many links carry it; most used first. */
    tagCounts(userId: number): Promise<Array<{ name: string; count: number }>> {
      return db.$queryRaw`
        WITH spellings AS (
          SELECT lower(t.name) AS key, t.name, count(*) AS n
          FROM links l, unnest(l.tags) AS t(name) WHERE l.user_id = ${userId} GROUP BY 1, 2)
        SELECT (array_agg(name ORDER BY n DESC, name))[1] AS name, sum(n)::int AS count
        FROM spellings GROUP BY key ORDER BY count DESC, name`;
    },

    /** How the account already spells the given tag keys, so a new link joins an existing tag rather than starting a second spelling. */
    async tagSpellings(userId: number, keys: string[]): Promise<Map<string, string>> {
      if (keys.length === 0) return new Map();
      const rows = await db.$queryRaw<Array<{ key: string; name: string }>>`
        SELECT DISTINCT ON (lower(t.name)) lower(t.name) AS key, t.name
        FROM links l, unnest(l.tags) AS t(name)
        WHERE l.user_id = ${userId} AND link_tag_keys(l.tags) && ${keys}::text[] AND lower(t.name) = ANY(${keys}::text[])
        ORDER BY lower(t.name), l.created_at`;
      return new Map(rows.map((r) => [r.key, r.name]));
    },
  };
}

import type { LINK_SORTS, LinkState } from "@shortly/contract";
import { likePattern, linkStateCondition } from "../../db/link-sql.js";
import type { Db } from "../../db/prisma-client.js";
import { Prisma } from "../../generated/prisma/client.js";
import type { LinkRecord } from "./link-record.js";
import { fromRow, type LinkRow } from "./link-row.js";

export interface LinkListQuery {
  limit: number;
  offset: number;
  /** Texts any of which the code or the destination must contain (the search and its stored spellings). */
  search?: string[] | undefined;
  state?: LinkState | undefined;
  /** A tag's key (lower-cased) the link must carry. */
  tagKey?: string | undefined;
  sort: (typeof LINK_SORTS)[number];
}

const ORDER: Record<LinkListQuery["sort"], Prisma.Sql> = {
  "-created_at": Prisma.sql`l.created_at DESC, l.id DESC`,
  created_at: Prisma.sql`l.created_at ASC, l.id ASC`,
  "-clicks": Prisma.sql`total_clicks DESC, l.created_at DESC, l.id DESC`,
  clicks: Prisma.sql`total_clicks ASC, l.created_at DESC, l.id DESC`,
};

export function createLinkListRepository(db: Db) {
  return {
    /**
     * One page of an account's links, filtered and sorted; `total` counts the
     * filtered set. Newest first is served by links_user_id_created_at_idx;
     * sorting by clicks reads the clicks module's daily rollups.
     */
    async listByOwner(userId: number, query: LinkListQuery, now: Date): Promise<{ items: LinkRecord[]; total: number }> {
      const conditions = [Prisma.sql`l.user_id = ${userId}`];
      if (query.search?.length) {
        const matches = query.search.map((text) => {
          const pattern = likePattern(text);
          // On lower(): where the trigram indexes are (migration 20261202090000). ILIKE matches the same rows.
          return Prisma.sql`lower(l.code) ILIKE ${pattern} ESCAPE '\\' OR lower(l.long_url) ILIKE ${pattern} ESCAPE '\\'`;
        });
        conditions.push(Prisma.sql`(${Prisma.join(matches, " OR ")})`);
      }
      if (query.state) conditions.push(linkStateCondition(query.state, now));
      if (query.tagKey) conditions.push(Prisma.sql`l.tag_keys @> ARRAY[${query.tagKey}]::text[]`);
      const where = Prisma.join(conditions, " AND ");
      const byClicks = query.sort.endsWith("clicks");
      const [rows, counted] = await Promise.all([
        db.$queryRaw<Array<LinkRow>>`
          SELECT l.id, l.code, l.long_url, l.user_id, l.is_active, l.expires_at, l.max_clicks, l.clicks_used, l.tags, l.password_hash, l.blocked_at, l.forward_query, l.forward_path, l.redirect_type, l.created_at
                 ${byClicks ? Prisma.sql`, coalesce((SELECT sum(d.clicks) FROM link_daily_clicks d WHERE d.link_id = l.id), 0) AS total_clicks` : Prisma.empty}
          FROM links l WHERE ${where}
          ORDER BY ${ORDER[query.sort]} LIMIT ${query.limit} OFFSET ${query.offset}`,
        db.$queryRaw<Array<{ n: number }>>`SELECT count(*)::int AS n FROM links l WHERE ${where}`,
      ]);
      return { items: rows.map(fromRow), total: counted[0]?.n ?? 0 };
    },
  };
}

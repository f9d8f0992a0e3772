import type { LINK_SORTS, LinkState } from "@shortly/contract";
import { destinationBlocked, likePattern, linkStateCondition } from "../../db/link-sql.js";
import type { Db } from "../../db/prisma-client.js";
import { Prisma } from "../../generated/prisma/client.js";

export interface LinkRecord {
  id: number;
  code: string;
  longUrl: string;
  userId: number;
  isActive: boolean;
  expiresAt: Date | null;
  maxClicks: number | null;
  clicksUsed: number;
  tags: string[];
  /** bcrypt; null when the link has no password. */
  passwordHash: string | null;
  blockedAt: Date | null;
  forwardQuery: boolean;
  forwardPath: boolean;
  redirectType: number;
  createdAt: Date;
}

export interface NewLink {
  userId: number;
  code: string;
  longUrl: string;
  expiresAt: Date | null;
  maxClicks: number | null;
  tags: string[];
  passwordHash: string | null;
  host: string;
  forwardQuery: boolean;
  forwardPath: boolean;
  redirectType: number;
}

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

export interface LinkChanges {
  longUrl?: string;
  isActive?: boolean;
  expiresAt?: Date | null;
  maxClicks?: number | null;
  tags?: string[];
  passwordHash?: string | null;
  host?: string;
  forwardQuery?: boolean;
  forwardPath?: boolean;
  redirectType?: number;
}

const fields = {
  id: true,
  code: true,
  longUrl: true,
  userId: true,
  isActive: true,
  expiresAt: true,
  maxClicks: true,
  clicksUsed: true,
  tags: true,
  passwordHash: true,
  blockedAt: true,
  forwardQuery: true,
  forwardPath: true,
  redirectType: true,
  createdAt: true,
} as const;

interface LinkRow {
  id: number;
  code: string;
  long_url: string;
  user_id: number;
  is_active: boolean;
  expires_at: Date | null;
  max_clicks: number | null;
  clicks_used: number;
  tags: string[];
  password_hash: string | null;
  blocked_at: Date | null;
  forward_query: boolean;
  forward_path: boolean;
  redirect_type: number;
  created_at: Date;
}

const fromRow = (r: LinkRow): LinkRecord => ({
  id: r.id,
  code: r.code,
  longUrl: r.long_url,
  userId: r.user_id,
  isActive: r.is_active,
  expiresAt: r.expires_at,
  maxClicks: r.max_clicks,
  clicksUsed: r.clicks_used,
  tags: r.tags,
  passwordHash: r.password_hash,
  blockedAt: r.blocked_at,
  forwardQuery: r.forward_query,
  forwardPath: r.forward_path,
  redirectType: r.redirect_type,
  createdAt: r.created_at,
});

export class DuplicateCodeError extends Error {}
export class DestinationBlockedError extends Error {}
export class LinkLimitExceededError extends Error {
  constructor(readonly limit: number) {
    super(`link limit ${limit} reached`);
  }
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

export function createLinksRepository(db: Db) {
  return {
    /**
     * Inserts a link unless the owner already has `limit` links. The owner's
     * row is locked first, so concurrent creates by one user are serialised
     * and the count cannot be overtaken.
     */
    /** `blockable`: the destination's host and its parents, refused (DestinationBlockedError) when any is blocked. */
    async createWithinLimit(link: NewLink, limit: number | null, blockable: string[] = []): Promise<LinkRecord> {
      try {
        return await db.$transaction(async (tx) => {
          if (await destinationBlocked(tx, blockable)) throw new DestinationBlockedError();
          if (limit !== null) {
            await tx.$queryRaw`SELECT id FROM users WHERE id = ${link.userId} FOR UPDATE`;
            const owned = await tx.link.count({ where: { userId: link.userId } });
            if (owned >= limit) throw new LinkLimitExceededError(limit);
          }
          return tx.link.create({ data: link, select: fields });
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new DuplicateCodeError(link.code);
        throw error;
      }
    },

    findByCode(code: string): Promise<LinkRecord | null> {
      return db.link.findUnique({ where: { code }, select: fields });
    },

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
      if (query.tagKey) conditions.push(Prisma.sql`link_tag_keys(l.tags) @> ARRAY[${query.tagKey}]::text[]`);
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

    /** A new destination is checked against the blocklist as a create's is. */
    update(id: number, changes: LinkChanges, blockable: string[] = []): Promise<LinkRecord> {
      if (changes.longUrl === undefined) return db.link.update({ where: { id }, data: changes, select: fields });
      return db.$transaction(async (tx) => {
        if (await destinationBlocked(tx, blockable)) throw new DestinationBlockedError();
        return tx.link.update({ where: { id }, data: changes, select: fields });
      });
    },

    async delete(id: number): Promise<void> {
      await db.link.deleteMany({ where: { id } });
    },
  };
}

export type LinksRepository = ReturnType<typeof createLinksRepository>;

import type pg from "pg";
import { createClickLimitRepository } from "./click-limit-repository.js";

/** What a redirect needs to know about a link, as read from the database. */
export interface RedirectTarget {
  id: number;
  /** The owner, whose live view hears about the click. */
  userId: number;
  longUrl: string;
  isActive: boolean;
  expiresAt: Date | null;
  maxClicks: number | null;
  /** Changes with every limited click: read when needed, never cached. */
  clicksUsed: number;
  /** Visitors must give the password (checked against the stored hash, never cached). */
  hasPassword: boolean;
  /** Disabled by an administrator: answers 410 whatever else is true. */
  blocked: boolean;
  forwardQuery: boolean;
  forwardPath: boolean;
  /** 302, 301, 307 or 308. */
  redirectType: number;
}

// A disabled account's links read as disabled: they stop with their owner.
const COLUMNS = `l.id, l.user_id AS "userId", l.long_url AS "longUrl", l.is_active AND u.is_active AS "isActive", l.expires_at AS "expiresAt",
  l.max_clicks AS "maxClicks", l.clicks_used AS "clicksUsed", l.password_hash IS NOT NULL AS "hasPassword", l.blocked_at IS NOT NULL AS "blocked",
  l.forward_query AS "forwardQuery", l.forward_path AS "forwardPath", l.redirect_type AS "redirectType"`;
const FROM = "links l JOIN users u ON u.id = l.user_id";
/** Prepared, so planned generically: docs/database.md says which indexes it must not be offered. */
export const FIND_BY_CODES = `SELECT l.code, ${COLUMNS} FROM ${FROM} WHERE l.code = ANY($1::varchar[])`;

/**
 * The redirect's queries, on node-postgres rather than Prisma: they run on the
 * event loop that answers visitors, where Prisma's per-query and per-row
 * cost showed up as stalls. Named statements are prepared once per connection.
 */
export function createRedirectRepository(pool: pg.Pool) {
  return {
    /** The one indexed lookup a visitor waits for (links_code_key). */
    async findByCode(code: string): Promise<RedirectTarget | null> {
      const { rows } = await pool.query<RedirectTarget>({
        name: "redirect-find-by-code",
        text: `SELECT ${COLUMNS} FROM ${FROM} WHERE l.code = $1`,
        values: [code],
      });
      return rows[0] ?? null;
    },

    /** The links behind many codes in one query (the cache's background refresh). */
    async findByCodes(codes: string[]): Promise<Array<RedirectTarget & { code: string }>> {
      const { rows } = await pool.query<RedirectTarget & { code: string }>({
        name: "redirect-find-by-codes",
        text: FIND_BY_CODES,
        values: [codes],
      });
      return rows;
    },

    /** The link's password hash as stored now (null: it has none), read for each attempt so a change applies at once. */
    async passwordHashOf(linkId: number): Promise<string | null> {
      const { rows } = await pool.query<{ hash: string | null }>({
        name: "redirect-password-hash",
        text: "SELECT password_hash AS hash FROM links WHERE id = $1",
        values: [linkId],
      });
      return rows[0]?.hash ?? null;
    },
    ...createClickLimitRepository(pool),
  };
}

export type RedirectRepository = ReturnType<typeof createRedirectRepository>;

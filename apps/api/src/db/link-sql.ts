// SQL the repositories share about links. The alias `l` is the links table.
import type { LinkState } from "@shortly/contract";
import { Prisma } from "../generated/prisma/client.js";
import type { Db } from "./prisma-client.js";

/**
 * Serialises host blocks against link writes: a block takes it exclusively
 * while it stops the links to the host, each create or destination change
 * shares it while it checks the blocklist and writes. So no link written
 * beside a block escapes it (the block's UPDATE runs after such writes commit,
 * and later writes see the blocked host).
 */
export const HOST_BLOCK_LOCK = 7_415_551_001;

/** Whether any of these hosts is blocked, read under the shared host-block lock (inside a transaction). */
export async function destinationBlocked(tx: Pick<Db, "$queryRaw" | "$executeRaw">, hosts: string[]): Promise<boolean> {
  // $executeRaw: the lock functions return void, which $queryRaw cannot read.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock_shared(${HOST_BLOCK_LOCK}::bigint)`;
  if (hosts.length === 0) return false;
  const rows = await tx.$queryRaw<Array<{ n: number }>>`SELECT count(*)::int AS n FROM blocked_hosts WHERE host = ANY(${hosts}::text[])`;
  return (rows[0]?.n ?? 0) > 0;
}

/** A LIKE pattern matching `text` anywhere, its own % and _ as themselves (use with ESCAPE '\'). */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
export const likePattern = (text: string) => `%${escapeLike(text)}%`;

/** Links whose destination is this host or a subdomain of it (links.host holds the normalised host name). */
export const hostOrSubdomain = (host: string): Prisma.Sql =>
  Prisma.sql`(l.host = ${host} OR l.host LIKE ${`%.${escapeLike(host)}`} ESCAPE '\\')`;

/** l.host and each parent domain ("a.b.example" → a.b.example, b.example, example), as an SQL text[]. */
const hostAndParentsOfLink = Prisma.sql`ARRAY(SELECT array_to_string(p.labels[i:], '.')
  FROM (SELECT string_to_array(l.host, '.') AS labels) p, generate_series(1, cardinality(p.labels)) i)`;

/** The most specific blocked host covering l.host (a lookup per link: for a few links); null when none does. */
export const coveringBlockedHost: Prisma.Sql = Prisma.sql`(SELECT b.host FROM blocked_hosts b
  WHERE b.host = ANY(${hostAndParentsOfLink}) ORDER BY length(b.host) DESC LIMIT 1)`;

/**
 * Every unblocked link some of `hosts` covers, as rows (id, host) naming the
 * most specific: one join of each link's host and parents against the list,
 * for lists of tens of thousands.
 */
export const linksCoveredBy = (hosts: string[]): Prisma.Sql => Prisma.sql`
  SELECT DISTINCT ON (l.id) l.id, n.host
  FROM links l
  CROSS JOIN LATERAL unnest(${hostAndParentsOfLink}) AS s(suffix)
  JOIN unnest(${hosts}::text[]) AS n(host) ON n.host = s.suffix
  WHERE l.blocked_at IS NULL AND l.host <> ''
  ORDER BY l.id, length(n.host) DESC`;

/**
 * lib/link-state.ts's rules as SQL, for filtering in the database (lists say
 * each item's state with linkState() itself; a test checks that both agree).
 * "blocked" is the administrators' block, apart from the four states.
 */
export function linkStateCondition(state: LinkState | "blocked", now: Date): Prisma.Sql {
  const expired = Prisma.sql`(l.expires_at IS NOT NULL AND l.expires_at <= ${now})`;
  const spent = Prisma.sql`(l.max_clicks IS NOT NULL AND l.clicks_used >= l.max_clicks)`;
  switch (state) {
    case "blocked":
      return Prisma.sql`l.blocked_at IS NOT NULL`;
    case "disabled":
      return Prisma.sql`NOT l.is_active`;
    case "expired":
      return Prisma.sql`l.is_active AND ${expired}`;
    case "limit_reached":
      return Prisma.sql`l.is_active AND NOT ${expired} AND ${spent}`;
    case "active":
      return Prisma.sql`l.is_active AND NOT ${expired} AND NOT ${spent}`;
  }
}

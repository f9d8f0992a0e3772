// SQL the repositories share about links. The alias `l` is the links table.
import type { LinkState } from "@shortly/contract";
import { Prisma } from "../generated/prisma/client.js";

/** A LIKE pattern matching `text` anywhere, its own % and _ as themselves (use with ESCAPE '\'). */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
export const likePattern = (text: string) => `%${escapeLike(text)}%`;

/** Links whose destination is this host or a subdomain of it (links.host holds the normalised host name). */
export const hostOrSubdomain = (host: string): Prisma.Sql =>
  Prisma.sql`(l.host = ${host} OR l.host LIKE ${`%.${escapeLike(host)}`} ESCAPE '\\')`;

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

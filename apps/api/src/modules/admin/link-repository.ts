import type { LinkState } from "@shortly/contract";
import { hostOrSubdomain, likePattern, linkStateCondition } from "../../db/link-sql.js";
import type { Db } from "../../db/prisma-client.js";
import { Prisma } from "../../generated/prisma/client.js";
import type { AuditEntryInput } from "./audit-repository.js";
import type { Page } from "./page.js";

export interface AdminLinkRow {
  id: number;
  code: string;
  long_url: string;
  owner_email: string;
  is_active: boolean;
  expires_at: Date | null;
  max_clicks: number | null;
  clicks_used: number;
  blocked_at: Date | null;
  blocked_reason: string | null;
  total_clicks: number;
  created_at: Date;
}

export function createAdminLinksRepository(db: Db) {
  return {
    async listLinks(filter: { q?: string; host?: string; state?: LinkState | "blocked" }, page: Page, now: Date) {
      const conditions = [Prisma.sql`TRUE`];
      if (filter.q) {
        const pattern = likePattern(filter.q);
        conditions.push(
          Prisma.sql`(lower(l.code) ILIKE ${pattern} ESCAPE '\\' OR lower(l.long_url) ILIKE ${pattern} ESCAPE '\\' OR u.email ILIKE ${pattern} ESCAPE '\\')`,
        );
      }
      if (filter.host) conditions.push(hostOrSubdomain(filter.host));
      if (filter.state) conditions.push(linkStateCondition(filter.state, now));
      const where = Prisma.join(conditions, " AND ");
      const [items, counted] = await Promise.all([
        db.$queryRaw<AdminLinkRow[]>`
          SELECT l.id, l.code, l.long_url, u.email AS owner_email, l.is_active, l.expires_at, l.max_clicks, l.clicks_used,
                 l.blocked_at, l.blocked_reason, l.created_at,
                 coalesce((SELECT sum(d.clicks) FROM link_daily_clicks d WHERE d.link_id = l.id), 0)::int AS total_clicks
          FROM links l JOIN users u ON u.id = l.user_id WHERE ${where}
          ORDER BY l.created_at DESC, l.id DESC LIMIT ${page.limit} OFFSET ${page.offset}`,
        db.$queryRaw<Array<{ n: number }>>`SELECT count(*)::int AS n FROM links l JOIN users u ON u.id = l.user_id WHERE ${where}`,
      ]);
      return { items, total: counted[0]?.n ?? 0 };
    },

    async findLink(code: string): Promise<AdminLinkRow | null> {
      const rows = await db.$queryRaw<AdminLinkRow[]>`
        SELECT l.id, l.code, l.long_url, u.email AS owner_email, l.is_active, l.expires_at, l.max_clicks, l.clicks_used,
               l.blocked_at, l.blocked_reason, l.created_at,
               coalesce((SELECT sum(d.clicks) FROM link_daily_clicks d WHERE d.link_id = l.id), 0)::int AS total_clicks
        FROM links l JOIN users u ON u.id = l.user_id WHERE l.code = ${code}`;
      return rows[0] ?? null;
    },

    /** The block and its audit row commit together. */
    async setLinkBlocked(id: number, blocked: boolean, reason: string, audit: AuditEntryInput): Promise<void> {
      await db.$transaction([
        db.link.update({
          where: { id },
          data: blocked
            ? { blockedAt: new Date(), blockedReason: reason, blockedHost: null }
            : { blockedAt: null, blockedReason: null, blockedHost: null },
        }),
        db.auditEntry.create({ data: audit }),
      ]);
    },
  };
}

export type AdminLinksRepository = ReturnType<typeof createAdminLinksRepository>;

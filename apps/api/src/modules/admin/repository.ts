import type { LinkState } from "@shortly/contract";
import { hostOrSubdomain, likePattern, linkStateCondition } from "../../db/link-sql.js";
import type { Db } from "../../db/prisma-client.js";
import { Prisma } from "../../generated/prisma/client.js";

export interface AdminUserRow {
  id: number;
  email: string;
  plan: string;
  role: string;
  is_active: boolean;
  created_at: Date;
  link_count: number;
  last_login_at: Date | null;
}

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

export interface ReportRow extends Omit<AdminLinkRow, "owner_email" | "total_clicks" | "id"> {
  id: number;
  reason: string;
}

export interface AuditRow {
  id: number;
  actorEmail: string;
  action: string;
  target: string;
  reason: string;
  createdAt: Date;
}

export interface Page {
  limit: number;
  offset: number;
}

export function createAdminRepository(db: Db) {
  return {
    async listUsers(filter: { q?: string; plan?: string; active?: boolean }, page: Page) {
      const conditions = [Prisma.sql`TRUE`];
      if (filter.q) conditions.push(Prisma.sql`u.email ILIKE ${likePattern(filter.q)} ESCAPE '\\'`);
      if (filter.plan) conditions.push(Prisma.sql`u.plan = ${filter.plan}`);
      if (filter.active !== undefined) conditions.push(Prisma.sql`u.is_active = ${filter.active}`);
      const where = Prisma.join(conditions, " AND ");
      const [items, counted] = await Promise.all([
        db.$queryRaw<AdminUserRow[]>`
          SELECT u.id, u.email, u.plan, u.role, u.is_active, u.created_at, u.last_login_at,
                 (SELECT count(*)::int FROM links l WHERE l.user_id = u.id) AS link_count
          FROM users u WHERE ${where} ORDER BY u.created_at DESC, u.id DESC LIMIT ${page.limit} OFFSET ${page.offset}`,
        db.$queryRaw<Array<{ n: number }>>`SELECT count(*)::int AS n FROM users u WHERE ${where}`,
      ]);
      return { items, total: counted[0]?.n ?? 0 };
    },

    async findUser(id: number): Promise<AdminUserRow | null> {
      const rows = await db.$queryRaw<AdminUserRow[]>`
        SELECT u.id, u.email, u.plan, u.role, u.is_active, u.created_at, u.last_login_at,
               (SELECT count(*)::int FROM links l WHERE l.user_id = u.id) AS link_count
        FROM users u WHERE u.id = ${id}`;
      return rows[0] ?? null;
    },

    async updateUser(id: number, changes: { plan?: string; isActive?: boolean }): Promise<void> {
      await db.user.update({ where: { id }, data: changes });
    },

    async setRoleByEmail(email: string, role: "user" | "admin"): Promise<boolean> {
      return (await db.user.updateMany({ where: { email }, data: { role } })).count === 1;
    },

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

    async setLinkBlocked(id: number, blocked: boolean, reason: string): Promise<void> {
      await db.link.update({
        where: { id },
        data: blocked
          ? { blockedAt: new Date(), blockedReason: reason, blockedHost: null }
          : { blockedAt: null, blockedReason: null, blockedHost: null },
      });
    },

    async listReports(page: Page) {
      const [items, total] = await Promise.all([
        db.$queryRaw<ReportRow[]>`
          SELECT r.id, r.reason, r.created_at, l.code, l.long_url, l.is_active, l.expires_at, l.max_clicks, l.clicks_used,
                 l.blocked_at, l.blocked_reason
          FROM link_reports r JOIN links l ON l.id = r.link_id
          ORDER BY r.created_at DESC, r.id DESC LIMIT ${page.limit} OFFSET ${page.offset}`,
        db.linkReport.count(),
      ]);
      return { items, total };
    },

    async listAudit(page: Page) {
      const [items, total] = await Promise.all([
        db.auditEntry.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: page.limit, skip: page.offset }),
        db.auditEntry.count(),
      ]);
      return { items: items as AuditRow[], total };
    },

    async audit(entry: { actorId: number | null; actorEmail: string; action: string; target: string; reason: string }): Promise<void> {
      await db.auditEntry.create({ data: entry });
    },
  };
}

export type AdminRepository = ReturnType<typeof createAdminRepository>;

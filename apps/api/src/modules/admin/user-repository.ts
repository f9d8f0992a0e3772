import { likePattern } from "../../db/link-sql.js";
import type { Db } from "../../db/prisma-client.js";
import { isRecordMissing } from "../../db/prisma-errors.js";
import { Prisma } from "../../generated/prisma/client.js";
import type { AuditEntryInput } from "./audit-repository.js";
import type { Page } from "./page.js";

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

export function createAdminUsersRepository(db: Db) {
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

    /**
     * The change and its audit rows commit together: no change is stored
     * unaudited, no audit row for a change that failed. False when the
     * account was deleted meanwhile.
     */
    async updateUser(id: number, changes: { plan?: string; isActive?: boolean }, audit: AuditEntryInput[]): Promise<boolean> {
      try {
        await db.$transaction([db.user.update({ where: { id }, data: changes }), ...audit.map((data) => db.auditEntry.create({ data }))]);
        return true;
      } catch (error) {
        if (isRecordMissing(error)) return false;
        throw error;
      }
    },

    /** Gives the account the role, with its audit row in the same transaction; says whether it had it already. */
    async setRoleByEmail(email: string, role: "user" | "admin", audit: AuditEntryInput): Promise<"changed" | "unchanged" | "missing"> {
      return db.$transaction(async (tx) => {
        const { count } = await tx.user.updateMany({ where: { email, role: { not: role } }, data: { role } });
        if (count === 0) return (await tx.user.count({ where: { email } })) === 0 ? "missing" : "unchanged";
        await tx.auditEntry.create({ data: audit });
        return "changed";
      });
    },
  };
}

export type AdminUsersRepository = ReturnType<typeof createAdminUsersRepository>;

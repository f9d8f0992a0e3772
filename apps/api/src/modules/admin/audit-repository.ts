import type { Db } from "../../db/prisma-client.js";
import type { Page } from "./page.js";

export interface AuditRow {
  id: number;
  actorEmail: string;
  action: string;
  target: string;
  reason: string;
  createdAt: Date;
}

export interface AuditEntryInput {
  actorId: number | null;
  actorEmail: string;
  action: string;
  target: string;
  reason: string;
}

export function createAuditRepository(db: Db) {
  return {
    async listAudit(page: Page) {
      const [items, total] = await Promise.all([
        db.auditEntry.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: page.limit, skip: page.offset }),
        db.auditEntry.count(),
      ]);
      return { items: items as AuditRow[], total };
    },

    async audit(entry: AuditEntryInput): Promise<void> {
      await db.auditEntry.create({ data: entry });
    },
  };
}

export type AuditRepository = ReturnType<typeof createAuditRepository>;

import type { Db } from "../../db/prisma-client.js";
import type { AdminLinkRow } from "./link-repository.js";
import type { Page } from "./page.js";

export interface ReportRow extends Omit<AdminLinkRow, "owner_email" | "total_clicks" | "id"> {
  id: number;
  reason: string;
}

export function createAdminReportsRepository(db: Db) {
  return {
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
  };
}

export type AdminReportsRepository = ReturnType<typeof createAdminReportsRepository>;

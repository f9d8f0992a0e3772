import type { LinkReport } from "@shortly/contract";
import { stateOf } from "./link-actions.js";
import type { Page } from "./page.js";
import type { AdminReportsRepository } from "./report-repository.js";

/** Visitors' reports of links, newest first, each with its link's state now. */
export function createLinkReports(repo: AdminReportsRepository, clock: () => Date) {
  return {
    async listReports(page: Page) {
      const { items, total } = await repo.listReports(page);
      const reports: LinkReport[] = items.map((r) => ({
        id: r.id,
        short_code: r.code,
        long_url: r.long_url,
        reason: r.reason,
        created_at: r.created_at.toISOString(),
        link_state: stateOf(r, clock()),
        blocked: r.blocked_at !== null,
      }));
      return { items: reports, total, limit: page.limit, offset: page.offset };
    },
  };
}

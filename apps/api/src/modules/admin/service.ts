import type { AbuseService } from "../abuse/service.js";
import type { ApiKeysService } from "../api-keys/service.js";
import type { SessionsService } from "../sessions/service.js";
import { createAdminRoles } from "./admin-roles.js";
import { createAuditLog } from "./audit-log.js";
import { createBlockedHostActions } from "./blocked-host-actions.js";
import { createLinkActions } from "./link-actions.js";
import { createLinkReports } from "./link-reports.js";
import type { AdminRepository } from "./repository.js";
import { createUserActions } from "./user-actions.js";

export type { Actor } from "./audit-log.js";

export interface AdminServiceDeps {
  repo: AdminRepository;
  sessions: Pick<SessionsService, "endAll">;
  apiKeys: Pick<ApiKeysService, "revokeAll">;
  abuse: AbuseService;
  /** Redirect caches must drop this link, or every link (EVERY_LINK) everywhere. */
  onLinkChanged: (code: string) => void;
  onEveryLinkChanged: () => void;
  clock?: () => Date;
}

/** The operators' side: accounts and plans, links across accounts, blocks, reports; every change audited. */
export function createAdminService(deps: AdminServiceDeps) {
  const { repo } = deps;
  const clock = deps.clock ?? (() => new Date());
  const audit = createAuditLog(repo);
  return {
    ...createAdminRoles(repo),
    ...createUserActions(deps),
    ...createLinkActions({ ...deps, clock }),
    ...createBlockedHostActions(deps.abuse),
    ...createLinkReports(repo, clock),
    listAudit: audit.list,
  };
}

export type AdminService = ReturnType<typeof createAdminService>;

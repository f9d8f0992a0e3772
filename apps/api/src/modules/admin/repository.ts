import type { Db } from "../../db/prisma-client.js";
import { createAuditRepository } from "./audit-repository.js";
import { createAdminLinksRepository } from "./link-repository.js";
import { createAdminReportsRepository } from "./report-repository.js";
import { createAdminUsersRepository } from "./user-repository.js";

/** Every account's users, links and reports, and the audit log of admin actions. */
export function createAdminRepository(db: Db) {
  return {
    ...createAdminUsersRepository(db),
    ...createAdminLinksRepository(db),
    ...createAdminReportsRepository(db),
    ...createAuditRepository(db),
  };
}

export type AdminRepository = ReturnType<typeof createAdminRepository>;

import type { Actor, AuditLog } from "./audit-log.js";
import { AdminRequiredError } from "./errors.js";
import type { AdminUsersRepository } from "./user-repository.js";

/** Who is an admin: the admin routes' gate, and the CLI's grant and revoke. */
export function createAdminRoles(repo: AdminUsersRepository, audit: AuditLog) {
  return {
    /** Admin routes' gate: a signed-in account with the admin role (read now, so a revoke applies at once). */
    async actorOrThrow(userId: number): Promise<Actor> {
      const user = await repo.findUser(userId);
      if (!user || !user.is_active || user.role !== "admin") throw new AdminRequiredError();
      return { id: user.id, email: user.email };
    },

    /** The CLI's grant and revoke, audited as the operator's shell. */
    async setRole(email: string, role: "user" | "admin"): Promise<boolean> {
      const changed = await repo.setRoleByEmail(email.trim().toLowerCase(), role);
      if (changed)
        await audit.record({ id: null, email: "cli" }, role === "admin" ? "user.role.admin" : "user.role.user", email.trim().toLowerCase());
      return changed;
    },
  };
}

import { type Actor, auditEntry } from "./audit-log.js";
import { AdminRequiredError } from "./errors.js";
import type { AdminUsersRepository } from "./user-repository.js";

/** Who is an admin: the admin routes' gate, and the CLI's grant and revoke. */
export function createAdminRoles(repo: AdminUsersRepository) {
  return {
    /** Admin routes' gate: a signed-in account with the admin role (read now, so a revoke applies at once). */
    async actorOrThrow(userId: number): Promise<Actor> {
      const user = await repo.findUser(userId);
      if (!user || !user.is_active || user.role !== "admin") throw new AdminRequiredError();
      return { id: user.id, email: user.email };
    },

    /** The CLI's grant and revoke, audited as the operator's shell (a role the account has already changes nothing). */
    setRole(email: string, role: "user" | "admin") {
      const normalised = email.trim().toLowerCase();
      const action = role === "admin" ? "user.role.admin" : "user.role.user";
      return repo.setRoleByEmail(normalised, role, auditEntry({ id: null, email: "cli" }, action, normalised));
    },
  };
}

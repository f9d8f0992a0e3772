import type { AdminUser, Plan } from "@shortly/contract";
import type { ApiKeysService } from "../api-keys/service.js";
import type { SessionsService } from "../sessions/service.js";
import { type Actor, auditEntry } from "./audit-log.js";
import { CannotDisableSelfError, UserNotFoundError } from "./errors.js";
import type { Page } from "./page.js";
import type { AdminUserRow, AdminUsersRepository } from "./user-repository.js";

export interface UserActionsDeps {
  repo: AdminUsersRepository;
  sessions: Pick<SessionsService, "endAll">;
  apiKeys: Pick<ApiKeysService, "revokeAll">;
  onEveryLinkChanged: () => void;
}

const toAdminUser = (u: AdminUserRow): AdminUser => ({
  id: u.id,
  email: u.email,
  plan: u.plan === "pro" ? "pro" : "free",
  role: u.role === "admin" ? "admin" : "user",
  is_active: u.is_active,
  created_at: u.created_at.toISOString(),
  link_count: u.link_count,
  last_login_at: u.last_login_at?.toISOString() ?? null,
});

/** Accounts across the service: searched, moved between plans, disabled and enabled again. */
export function createUserActions(deps: UserActionsDeps) {
  const { repo } = deps;
  return {
    async listUsers(query: { q?: string | undefined; plan?: Plan | undefined; status?: "active" | "disabled" | undefined } & Page) {
      const filter = {
        ...(query.q ? { q: query.q } : {}),
        ...(query.plan ? { plan: query.plan } : {}),
        ...(query.status ? { active: query.status === "active" } : {}),
      };
      const { items, total } = await repo.listUsers(filter, query);
      return { items: items.map(toAdminUser), total, limit: query.limit, offset: query.offset };
    },

    /**
     * A plan applies to the next create. Disabling an account ends its
     * sessions and deletes its API keys; its access tokens fail at once (they
     * are checked against the account on every request), its logins are
     * refused, and its links stop redirecting on every instance.
     */
    async updateUser(
      actor: Actor,
      id: number,
      input: { plan?: Plan | undefined; is_active?: boolean | undefined; reason?: string | undefined },
    ) {
      const before = await repo.findUser(id);
      if (!before) throw new UserNotFoundError();
      if (input.is_active === false && actor.id === id) throw new CannotDisableSelfError();
      const reason = input.reason ?? "";
      const entries = [];
      if (input.plan !== undefined && input.plan !== before.plan)
        entries.push(auditEntry(actor, `user.plan.${input.plan}`, before.email, reason));
      const statusChanged = input.is_active !== undefined && input.is_active !== before.is_active;
      if (statusChanged) entries.push(auditEntry(actor, input.is_active ? "user.enable" : "user.disable", before.email, reason));
      const changes = {
        ...(input.plan !== undefined && { plan: input.plan }),
        ...(input.is_active !== undefined && { isActive: input.is_active }),
      };
      if (!(await repo.updateUser(id, changes, entries))) throw new UserNotFoundError();
      // After the commit, and on every request that disables (not only the first): if this step fails,
      // the account is already refused everywhere and the admin's retry still deletes its keys.
      if (input.is_active === false) {
        await deps.sessions.endAll(id);
        await deps.apiKeys.revokeAll(id);
      }
      if (statusChanged) deps.onEveryLinkChanged();
      return toAdminUser((await repo.findUser(id))!);
    },
  };
}

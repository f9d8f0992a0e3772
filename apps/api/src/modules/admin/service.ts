import type { AdminLink, AdminUser, AuditEntry, BlockedHost, LinkReport, LinkState, Plan, UpdateAdminLinkRequest } from "@shortly/contract";
import { normaliseHost } from "../../lib/host-name.js";
import { linkState } from "../../lib/link-state.js";
import type { AbuseService, BlockedHostRecord } from "../abuse/service.js";
import type { ApiKeysService } from "../api-keys/service.js";
import { LinkNotFoundError } from "../links/service.js";
import type { SessionsService } from "../sessions/service.js";
import { AdminRequiredError, BlockedHostNotFoundError, UserNotFoundError } from "./errors.js";
import type { AdminLinkRow, AdminRepository, AdminUserRow, Page } from "./repository.js";

export interface Actor {
  id: number | null;
  email: string;
}

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

const stateOf = (l: Pick<AdminLinkRow, "is_active" | "expires_at" | "max_clicks" | "clicks_used">, now: Date): LinkState =>
  linkState({ isActive: l.is_active, expiresAt: l.expires_at, maxClicks: l.max_clicks, clicksUsed: l.clicks_used }, now);

export const toBlockedHost = (h: BlockedHostRecord): BlockedHost => ({
  host: h.host,
  reason: h.reason,
  created_at: h.createdAt.toISOString(),
});

/** The operators' side: accounts and plans, links across accounts, blocks, reports; every change audited. */
export function createAdminService(deps: AdminServiceDeps) {
  const { repo, abuse } = deps;
  const clock = deps.clock ?? (() => new Date());
  const toAdminLink = (l: AdminLinkRow): AdminLink => ({
    short_code: l.code,
    long_url: l.long_url,
    owner_email: l.owner_email,
    state: stateOf(l, clock()),
    blocked: l.blocked_at !== null,
    blocked_reason: l.blocked_reason,
    total_clicks: l.total_clicks,
    created_at: l.created_at.toISOString(),
  });
  const audit = (actor: Actor, action: string, target: string, reason = "") =>
    repo.audit({ actorId: actor.id, actorEmail: actor.email, action, target: target.slice(0, 300), reason: reason.slice(0, 500) });

  return {
    /** Admin routes' gate: a signed-in account with the admin role (read now, so a revoke applies at once). */
    async actorOrThrow(userId: number): Promise<Actor> {
      const user = await repo.findUser(userId);
      if (!user || !user.is_active || user.role !== "admin") throw new AdminRequiredError();
      return { id: user.id, email: user.email };
    },

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
      await repo.updateUser(id, {
        ...(input.plan !== undefined && { plan: input.plan }),
        ...(input.is_active !== undefined && { isActive: input.is_active }),
      });
      const reason = input.reason ?? "";
      if (input.plan !== undefined && input.plan !== before.plan) await audit(actor, `user.plan.${input.plan}`, before.email, reason);
      if (input.is_active !== undefined && input.is_active !== before.is_active) {
        if (!input.is_active) {
          await deps.sessions.endAll(id);
          await deps.apiKeys.revokeAll(id);
        }
        deps.onEveryLinkChanged();
        await audit(actor, input.is_active ? "user.enable" : "user.disable", before.email, reason);
      }
      return toAdminUser((await repo.findUser(id))!);
    },

    async listLinks(query: { q?: string | undefined; host?: string | undefined; state?: LinkState | "blocked" | undefined } & Page) {
      const filter = {
        ...(query.q ? { q: query.q } : {}),
        ...(query.host ? { host: normaliseHost(query.host) ?? "\u0000" } : {}), // not a host name: matches nothing
        ...(query.state ? { state: query.state } : {}),
      };
      const { items, total } = await repo.listLinks(filter, query, clock());
      return { items: items.map(toAdminLink), total, limit: query.limit, offset: query.offset };
    },

    /** Blocks (or unblocks) a link: it answers 410 on every instance at once, and its owner cannot change it. */
    async updateLink(actor: Actor, code: string, input: UpdateAdminLinkRequest): Promise<AdminLink> {
      const link = await repo.findLink(code);
      if (!link) throw new LinkNotFoundError();
      const reason = input.reason ?? "";
      await repo.setLinkBlocked(link.id, input.blocked, reason);
      deps.onLinkChanged(code);
      await audit(actor, input.blocked ? "link.block" : "link.unblock", code, reason);
      return toAdminLink((await repo.findLink(code))!);
    },

    listBlockedHosts: async () => (await abuse.listBlockedHosts()).map(toBlockedHost),

    /** Blocks a host; says how many existing links that stopped. */
    async blockHost(actor: Actor, host: string, reason: string): Promise<{ blocked: BlockedHost; links: number }> {
      const { record, links } = await abuse.blockHost(host, reason);
      await audit(actor, "host.block", record.host, `${reason}${reason ? " " : ""}(${links} links stopped)`);
      return { blocked: toBlockedHost(record), links };
    },

    async unblockHost(actor: Actor, host: string): Promise<void> {
      if (!(await abuse.unblockHost(host))) throw new BlockedHostNotFoundError();
      await audit(actor, "host.unblock", host);
    },

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

    async listAudit(page: Page) {
      const { items, total } = await repo.listAudit(page);
      const entries: AuditEntry[] = items.map((e) => ({
        id: e.id,
        actor_email: e.actorEmail,
        action: e.action,
        target: e.target,
        reason: e.reason,
        created_at: e.createdAt.toISOString(),
      }));
      return { items: entries, total, limit: page.limit, offset: page.offset };
    },

    /** The CLI's grant and revoke, audited as the operator's shell. */
    async setRole(email: string, role: "user" | "admin"): Promise<boolean> {
      const changed = await repo.setRoleByEmail(email.trim().toLowerCase(), role);
      if (changed)
        await audit({ id: null, email: "cli" }, role === "admin" ? "user.role.admin" : "user.role.user", email.trim().toLowerCase());
      return changed;
    },
  };
}

export type AdminService = ReturnType<typeof createAdminService>;

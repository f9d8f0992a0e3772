import type { AdminLink, LinkState, UpdateAdminLinkRequest } from "@shortly/contract";
import { normaliseHost } from "../../lib/host-name.js";
import { linkState } from "../../lib/link-state.js";
import { LinkNotFoundError } from "../links/service.js";
import { type Actor, auditEntry } from "./audit-log.js";
import type { AdminLinkRow, AdminLinksRepository } from "./link-repository.js";
import type { Page } from "./page.js";

export interface LinkActionsDeps {
  repo: AdminLinksRepository;
  /** Redirect caches must drop this link. */
  onLinkChanged: (code: string) => void;
  clock: () => Date;
}

export const stateOf = (l: Pick<AdminLinkRow, "is_active" | "expires_at" | "max_clicks" | "clicks_used">, now: Date): LinkState =>
  linkState({ isActive: l.is_active, expiresAt: l.expires_at, maxClicks: l.max_clicks, clicksUsed: l.clicks_used }, now);

/** Every account's links: searched by code, destination, host and owner, blocked and unblocked. */
export function createLinkActions(deps: LinkActionsDeps) {
  const { repo, clock } = deps;
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

  return {
    async listLinks(query: { q?: string | undefined; host?: string | undefined; state?: LinkState | "blocked" | undefined } & Page) {
      const host = query.host ? normaliseHost(query.host) : null;
      // A filter that is no host name matches no link's host.
      if (query.host && !host) return { items: [], total: 0, limit: query.limit, offset: query.offset };
      const filter = {
        ...(query.q ? { q: query.q } : {}),
        ...(host ? { host } : {}),
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
      await repo.setLinkBlocked(
        link.id,
        input.blocked,
        reason,
        auditEntry(actor, input.blocked ? "link.block" : "link.unblock", code, reason),
      );
      deps.onLinkChanged(code);
      return toAdminLink((await repo.findLink(code))!);
    },
  };
}

import type { LinkItem, UpdateUrlInput } from "@shortly/contract";
import { normaliseHost } from "../../lib/host-name.js";
import { LinkBlockedByAdminError, LinkNotFoundError } from "./errors.js";
import { blockableHosts, checkNotSelf, destinationBlockedError, futureExpiry } from "./link-input.js";
import { toLinkItem } from "./link-responses.js";
import { DestinationBlockedError, type LinkChanges } from "./repository.js";
import type { LinksServiceContext, LinksServiceDeps } from "./service-context.js";
import { inAccountSpelling } from "./tag-spelling.js";

export function createLinkChanges(deps: LinksServiceDeps, { clock, ownHostnames, getOwnedOrThrow }: LinksServiceContext) {
  const { repo, clicks } = deps;
  /** A write that matched no row: the link was deleted (404) or blocked by an admin (403) since it was read. */
  const changedMeanwhile = async (userId: number, code: string): Promise<never> => {
    const link = await getOwnedOrThrow(userId, code);
    throw link.blockedAt !== null ? new LinkBlockedByAdminError() : new LinkNotFoundError();
  };
  return {
    async update(userId: number, code: string, input: UpdateUrlInput, requestHostname: string): Promise<LinkItem> {
      const link = await getOwnedOrThrow(userId, code);
      if (link.blockedAt !== null) throw new LinkBlockedByAdminError();
      if (input.long_url !== undefined) checkNotSelf(input.long_url, requestHostname, ownHostnames);
      const changes: LinkChanges = {
        longUrl: input.long_url,
        host: input.long_url === undefined ? undefined : (normaliseHost(input.long_url) ?? ""),
        isActive: input.is_active,
        expiresAt: futureExpiry(input.expires_at, clock()),
        maxClicks: input.max_clicks,
        tags: input.tags && (await inAccountSpelling(repo, userId, input.tags)),
        passwordHash: input.password == null ? input.password : await deps.hasher.hash(input.password),
        forwardQuery: input.forward_query,
        forwardPath: input.forward_path,
        redirectType: input.redirect_type,
      };
      const updated = await repo
        .update(link.id, changes, input.long_url === undefined ? [] : blockableHosts(input.long_url))
        .catch((error: unknown) => {
          throw error instanceof DestinationBlockedError ? destinationBlockedError() : error;
        });
      if (!updated) return changedMeanwhile(userId, code);
      deps.onLinkChanged?.(code);
      const totals = await clicks.totalsByLink([link.id]);
      return toLinkItem(updated, totals.get(link.id) ?? 0, clock());
    },

    async remove(userId: number, code: string): Promise<void> {
      const link = await getOwnedOrThrow(userId, code);
      // Deleting would free the code for the same link again, and take its reports with it.
      if (link.blockedAt !== null) throw new LinkBlockedByAdminError();
      if (!(await repo.delete(link.id))) return changedMeanwhile(userId, code);
      deps.onLinkChanged?.(code);
    },
  };
}

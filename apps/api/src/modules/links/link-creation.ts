import type { CreateUrlInput } from "@shortly/contract";
import { normaliseHost } from "../../lib/host-name.js";
import { checkNotSelf, futureExpiry } from "./link-input.js";
import { insertLink } from "./link-insert.js";
import type { LinkRecord } from "./repository.js";
import type { LinksServiceContext, LinksServiceDeps } from "./service-context.js";
import { inAccountSpelling } from "./tag-spelling.js";

export function createLinkCreation(deps: LinksServiceDeps, { clock, ownHostnames }: LinksServiceContext) {
  const { repo, users } = deps;
  return {
    async create(userId: number, input: CreateUrlInput, requestHostname: string): Promise<LinkRecord> {
      const user = await users.getActiveUserOrThrow(userId);
      checkNotSelf(input.long_url, requestHostname, ownHostnames);
      const draft = {
        host: normaliseHost(input.long_url) ?? "",
        userId,
        longUrl: input.long_url,
        expiresAt: futureExpiry(input.expires_at, clock()) ?? null,
        maxClicks: input.max_clicks ?? null,
        tags: input.tags?.length ? await inAccountSpelling(repo, userId, input.tags) : [],
        passwordHash: input.password === undefined ? null : await deps.hasher.hash(input.password),
        forwardQuery: input.forward_query ?? true,
        forwardPath: input.forward_path ?? false,
        redirectType: input.redirect_type ?? 302,
      };
      const link = await insertLink(repo, draft, input.custom_code, users.linkLimitOf(user));
      deps.onLinkChanged?.(link.code); // a visit before it existed may be cached as "unknown"
      return link;
    },
  };
}

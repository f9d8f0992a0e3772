import { REDIRECT_TYPES, type CreatedUrlResponse, type LinkItem, type RedirectType } from "@shortly/contract";
import { linkState } from "../../lib/link-state.js";
import type { LinkRecord } from "./repository.js";

const asRedirectType = (status: number): RedirectType => REDIRECT_TYPES.find((t) => t === status) ?? 302;

/** A link as POST /api/urls answers it. */
export function toCreatedUrlResponse(link: LinkRecord): CreatedUrlResponse {
  return {
    short_code: link.code,
    long_url: link.longUrl,
    created_at: link.createdAt.toISOString(),
    expires_at: link.expiresAt?.toISOString() ?? null,
    is_active: link.isActive,
  };
}

/** A link as the list and the link endpoints show it to its owner, its state as of `now`. */
export function toLinkItem(link: LinkRecord, totalClicks: number, now: Date): LinkItem {
  return {
    ...toCreatedUrlResponse(link),
    max_clicks: link.maxClicks,
    total_clicks: totalClicks,
    state: linkState(link, now),
    tags: link.tags,
    has_password: link.passwordHash !== null,
    blocked: link.blockedAt !== null,
    forward_query: link.forwardQuery,
    forward_path: link.forwardPath,
    redirect_type: asRedirectType(link.redirectType),
    clicks_used: link.clicksUsed,
  };
}

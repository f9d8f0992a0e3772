import type { LinkState } from "@shortly/contract";

export interface LinkStateFields {
  isActive: boolean;
  expiresAt: Date | null;
  maxClicks: number | null;
  /** Clicks counted against max_clicks; absent where they are not known (the redirect claims one atomically instead). */
  clicksUsed?: number;
}

/**
 * The one statement of a link's state: the dashboard and stats read it with
 * the clicks used, the redirect's decision (modules/redirect/visit-decision.ts)
 * without them.
 */
export function linkState(link: LinkStateFields, now: Date): LinkState {
  if (!link.isActive) return "disabled";
  if (link.expiresAt !== null && link.expiresAt.getTime() <= now.getTime()) return "expired";
  if (link.maxClicks !== null && link.clicksUsed !== undefined && link.clicksUsed >= link.maxClicks) return "limit_reached";
  return "active";
}

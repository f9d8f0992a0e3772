import type { LinkState } from "@shortly/contract";

export interface LinkStateFields {
  isActive: boolean;
  expiresAt: Date | null;
  maxClicks: number | null;
  clicksUsed: number;
}

/** The one definition of a link's state, shared by the dashboard and the redirect. */
export function linkState(link: LinkStateFields, now: Date): LinkState {
  if (!link.isActive) return "disabled";
  if (link.expiresAt !== null && link.expiresAt.getTime() <= now.getTime()) return "expired";
  if (link.maxClicks !== null && link.clicksUsed >= link.maxClicks) return "limit_reached";
  return "active";
}

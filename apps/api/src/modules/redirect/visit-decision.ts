import { isReservedCode, isValidShortCodeFormat } from "@shortly/contract";
import { linkState } from "../../lib/link-state.js";
import type { CachedLink } from "./link-cache.js";

/**
 * What a visit to a short code gets. `redirect` may still turn into `gone`
 * when the link has a click limit: `claimsClick` says the limit must be
 * claimed atomically (in the database) before answering.
 */
export type VisitDecision =
  { kind: "redirect"; link: CachedLink; location: string; claimsClick: boolean } | { kind: "not_found" } | { kind: "gone" };

const NOT_FOUND: VisitDecision = { kind: "not_found" };
const GONE: VisitDecision = { kind: "gone" };

/** Whether a path segment can name a link at all; anything else is not found without a lookup. */
export const isServableCode = (code: string) => isValidShortCodeFormat(code) && !isReservedCode(code);

/**
 * The redirect's one decision, used by the fast path and the Fastify route
 * alike. A click limit is the one rule it cannot settle alone: it says the
 * click must be claimed, and the claim (atomic, in the database) turns a spent
 * limit into "gone".
 */
export function decideVisit(link: CachedLink | null, now: Date): VisitDecision {
  if (!link) return NOT_FOUND;
  // A cached link carries no clicksUsed: no copy is made per visit, and the limit is left to the claim.
  switch (linkState(link, now)) {
    case "disabled":
      return NOT_FOUND;
    case "expired":
    case "limit_reached":
      return GONE;
    case "active":
      return { kind: "redirect", link, location: link.longUrl, claimsClick: link.maxClicks !== null };
  }
}

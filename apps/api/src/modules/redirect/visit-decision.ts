import { isReservedCode, isValidShortCodeFormat } from "@shortly/contract";
import { linkState } from "../../lib/link-state.js";
import { forwardedLocation } from "./forwarding.js";
import type { CachedLink } from "./cached-link.js";

export type GoneReason = "expired" | "limit_reached";

/**
 * What a visit to a short code gets. `redirect` may still turn into `gone`
 * when the link has a click limit: `claimsClick` says the limit must be
 * checked atomically (in the database) before answering. `password` asks
 * the visitor for the link's password before any of that; `blocked` (an
 * administrator disabled the link for abuse) outranks every other state.
 */
export type VisitDecision =
  | { kind: "redirect"; link: CachedLink; location: string; status: number; claimsClick: boolean }
  | { kind: "password"; link: CachedLink }
  | { kind: "not_found" }
  | { kind: "gone"; reason: GoneReason }
  | { kind: "blocked" };

const NOT_FOUND: VisitDecision = { kind: "not_found" };
const BLOCKED: VisitDecision = { kind: "blocked" };
const EXPIRED: VisitDecision = { kind: "gone", reason: "expired" };
const LIMIT_REACHED: VisitDecision = { kind: "gone", reason: "limit_reached" };

/** Whether a path segment can name a link at all; anything else is not found without a lookup. */
export const isServableCode = (code: string) => isValidShortCodeFormat(code) && !isReservedCode(code);

/** What a visit asked for beyond the code: its raw query string (null: none) and any path after the code ("" for none). */
export interface VisitTarget {
  query: string | null;
  extraPath: string;
}

/**
 * The redirect's one decision, used by the fast path and the Fastify route
 * alike. A click limit is the one rule it cannot settle alone: it says the
 * click must be claimed, and the claim (atomic, in the database) turns a spent
 * limit into "gone". `unlocked`: the visitor gave the link's right password.
 * Forwarding: the query string joins the destination unless the link turns
 * it off; an extra path only on links that allow it, and only a safe one.
 */
export function decideVisit(link: CachedLink | null, now: Date, target: VisitTarget, unlocked = false): VisitDecision {
  if (!link) return NOT_FOUND;
  if (link.blocked) return BLOCKED;
  // A cached link carries no clicksUsed: no copy is made per visit, and the limit is left to the claim.
  switch (linkState(link, now)) {
    case "disabled":
      return NOT_FOUND;
    case "expired":
      return EXPIRED;
    case "limit_reached":
      return LIMIT_REACHED;
    case "active":
      if (target.extraPath && !link.forwardPath) return NOT_FOUND;
      if (link.hasPassword && !unlocked) return { kind: "password", link };
      {
        const location = forwardedLocation(link.longUrl, link.forwardQuery ? target.query : null, target.extraPath);
        if (location === null) return NOT_FOUND;
        return { kind: "redirect", link, location, status: link.redirectType, claimsClick: link.maxClicks !== null };
      }
  }
}

import type { RedirectTarget } from "./repository.js";

/** A link as the cache keeps it: everything but the click count, which a cached copy would get wrong. */
export type CachedLink = Omit<RedirectTarget, "clicksUsed">;

/**
 * Copied field by field, not spread: rows of different queries carry other
 * columns too (the refresh's `code`), and every cached link keeps one shape
 * for the redirect to read.
 */
export const toCached = (link: RedirectTarget): CachedLink => ({
  id: link.id,
  userId: link.userId,
  longUrl: link.longUrl,
  isActive: link.isActive,
  expiresAt: link.expiresAt,
  maxClicks: link.maxClicks,
  hasPassword: link.hasPassword,
  blocked: link.blocked,
  forwardQuery: link.forwardQuery,
  forwardPath: link.forwardPath,
  redirectType: link.redirectType,
});

import type { RedirectTarget } from "./repository.js";

/** What a redirect needs to know about a link. */
export interface CachedLink {
  id: number;
  /** The owner, whose live view hears about the click. */
  userId: number;
  longUrl: string;
  isActive: boolean;
  expiresAt: Date | null;
  maxClicks: number | null;
  /** Visitors must give the password (checked against the stored hash, never cached). */
  hasPassword: boolean;
  /** Disabled by an administrator: answers 410 whatever else is true. */
  blocked: boolean;
  forwardQuery: boolean;
  forwardPath: boolean;
  /** 302, 301, 307 or 308. */
  redirectType: number;
}

/** A link as the cache keeps it, from the row the repository read. */
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

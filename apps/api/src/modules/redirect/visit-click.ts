import type { CachedLink } from "./cached-link.js";
import type { Visit } from "./visit.js";

function clip(value: string | null, max: number): string | null {
  return value === null ? null : value.slice(0, max);
}

/** The click a visit records, its texts cut to their columns' widths. */
export const toClick = (link: CachedLink, visit: Visit, now: Date) => ({
  linkId: link.id,
  userId: link.userId,
  code: visit.code,
  clickedAt: now,
  referrer: clip(visit.referrer, 2048),
  userAgent: clip(visit.userAgent, 1024),
  ip: visit.ip,
});

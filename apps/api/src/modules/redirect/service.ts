import type { ClicksService } from "../clicks/service.js";
import { createCacheRefresh } from "./cache-refresh.js";
import { createFollow } from "./follow-decision.js";
import type { LinkCache } from "./link-cache.js";
import { createReadThroughLookup } from "./read-through-lookup.js";
import { createPasswordUnlock } from "./password-unlock.js";
import type { RedirectRepository } from "./repository.js";
import { toClick } from "./visit-click.js";
import { decideVisit, isServableCode, type VisitDecision } from "./visit-decision.js";
import { NOT_FOUND, type VisitOutcome } from "./visit-outcome.js";
import type { Visit } from "./visit.js";

export interface RedirectServiceDeps {
  repo: RedirectRepository;
  clicks: ClicksService;
  cache: LinkCache;
  /** Checks a link password against its bcrypt hash. */
  verifyPassword: (password: string, hash: string) => Promise<boolean>;
  clock?: () => Date;
}

/**
 * The redirect hot path: the link from the in-process cache (the database
 * only on a miss), the atomic claim only for links with a click limit, and
 * the click spooled and queued, never awaited.
 */
export function createRedirectService({ repo, clicks, cache, verifyPassword, clock = () => new Date() }: RedirectServiceDeps) {
  const lookup = createReadThroughLookup(repo, cache);
  const scheduleRefresh = createCacheRefresh(repo, cache);
  const follow = createFollow(repo, clicks);

  async function decide(visit: Visit): Promise<{ decision: VisitDecision; now: Date } | null> {
    if (!isServableCode(visit.code)) return null;
    const link = await lookup(visit.code);
    if (cache.hasStale) scheduleRefresh();
    const now = clock();
    return { decision: decideVisit(link, now, visit), now };
  }

  return {
    /** A visit (GET or HEAD) that reached Fastify: everything the fast path leaves. */
    async resolve(visit: Visit): Promise<VisitOutcome> {
      const decided = await decide(visit);
      return decided ? follow(decided.decision, visit, decided.now) : NOT_FOUND;
    },

    /** A password typed on a protected link's page (password-unlock.ts). */
    unlock: createPasswordUnlock({ repo, verifyPassword, decide, follow }),

    /**
     * The common case, decided without awaiting anything: a cached, active,
     * unexpired link without a click limit. Gives its destination and the
     * click's way to disk; null whenever resolve() must decide (not cached,
     * unknown, disabled, expired, limited, or the click cannot be kept), so
     * every answer but a plain 302 keeps a single implementation.
     */
    redirectFromCache(visit: Visit): { location: string; status: number; spooled: Promise<void> } | null {
      // Only decide() adds codes to the cache, after isServableCode: a cached code is servable.
      const link = cache.get(visit.code);
      if (cache.hasStale) scheduleRefresh();
      if (!link) return null;
      const now = clock();
      const decision = decideVisit(link, now, visit);
      if (decision.kind !== "redirect" || decision.claimsClick) return null;
      const { location, status } = decision;
      if (!visit.countsAsClick) return { location, status, spooled: NOTHING_TO_SPOOL };
      try {
        return { location, status, spooled: clicks.record(toClick(link, visit, now)) };
      } catch {
        return null; // the spool is full: resolve() answers the 503
      }
    },
  };
}

const NOTHING_TO_SPOOL = Promise.resolve();

export type RedirectService = ReturnType<typeof createRedirectService>;

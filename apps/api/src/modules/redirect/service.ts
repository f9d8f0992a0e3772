import { ClicksUnavailableError, type ClicksService } from "../clicks/service.js";
import { LinkGoneError, LinkNotFoundError } from "../links/service.js";
import type { CachedLink, LinkCache } from "./link-cache.js";
import type { RedirectRepository, RedirectTarget } from "./repository.js";
import { decideVisit, isServableCode } from "./visit-decision.js";

export interface Visit {
  code: string;
  /** A HEAD request answers like GET but is not a click. */
  countsAsClick: boolean;
  referrer: string | null;
  userAgent: string | null;
  ip: string | null;
}

function clip(value: string | null, max: number): string | null {
  return value === null ? null : value.slice(0, max);
}

export interface RedirectServiceDeps {
  repo: RedirectRepository;
  clicks: ClicksService;
  cache: LinkCache;
  clock?: () => Date;
}

/**
 * The redirect hot path: the link from the in-process cache (the database
 * only on a miss), the atomic claim only for links with a click limit, and
 * the click spooled and queued, never awaited.
 */
export function createRedirectService({ repo, clicks, cache, clock = () => new Date() }: RedirectServiceDeps) {
  const toCached = (link: RedirectTarget): CachedLink => ({
    id: link.id,
    userId: link.userId,
    longUrl: link.longUrl,
    isActive: link.isActive,
    expiresAt: link.expiresAt,
    maxClicks: link.maxClicks,
  });

  async function lookup(code: string): Promise<CachedLink | null> {
    const cached = cache.get(code);
    if (cached !== undefined) return cached;
    const readAt = cache.generation;
    // Without the database only cached links can be served; the rest get a retryable 503, not a 500.
    const link = await repo.findByCode(code).catch((error: unknown) => {
      throw new ClicksUnavailableError({ cause: error });
    });
    const entry = link && toCached(link);
    // A change committed while we read may not be in what we read: answer with it, do not keep it.
    if (cache.generation === readAt) cache.set(code, entry);
    return entry;
  }

  /**
   * Links served past their TTL are re-read together, off the visitors'
   * path, up to REFRESH_BATCH every REFRESH_DELAY_MS; until then (and, with
   * the database down, until they expire) they keep being served.
   */
  let refreshScheduled = false;
  let retry: string[] = [];
  const refreshStale = () => {
    refreshScheduled = false;
    const pending = [...new Set([...retry, ...cache.takeStale()])];
    // A couple of hundred per read (a short stall of this event loop on node-postgres):
    // mapping thousands of rows at once would stall the redirects.
    const codes = pending.slice(0, REFRESH_BATCH);
    retry = pending.slice(REFRESH_BATCH);
    if (retry.length > 0) scheduleRefresh();
    if (codes.length === 0) return;
    const readAt = cache.generation;
    repo.findByCodes(codes).then(
      (links) => {
        if (cache.generation !== readAt) {
          retry = [...codes, ...retry]; // something changed meanwhile: read again rather than store what may predate it
          return scheduleRefresh();
        }
        const found = new Map(links.map((link) => [link.code, link]));
        for (const code of codes) {
          const link = found.get(code);
          cache.set(code, link ? toCached(link) : null);
        }
      },
      () => {}, // database unreachable: the entries serve until they expire
    );
  };
  const scheduleRefresh = () => {
    if (refreshScheduled) return;
    refreshScheduled = true;
    setTimeout(refreshStale, REFRESH_DELAY_MS).unref();
  };

  const toClick = (link: CachedLink, visit: Visit, now: Date) => ({
    linkId: link.id,
    userId: link.userId,
    code: visit.code,
    clickedAt: now,
    referrer: clip(visit.referrer, 2048),
    userAgent: clip(visit.userAgent, 1024),
    ip: visit.ip,
  });

  return {
    async resolve(visit: Visit): Promise<string> {
      if (!isServableCode(visit.code)) throw new LinkNotFoundError();
      const link = await lookup(visit.code);
      if (cache.hasStale) scheduleRefresh();
      const now = clock();
      const decision = decideVisit(link, now);
      if (decision.kind === "not_found") throw new LinkNotFoundError();
      if (decision.kind === "gone") throw new LinkGoneError();
      if (!visit.countsAsClick) {
        if (decision.claimsClick && !(await repo.hasClicksLeft(decision.link.id))) throw new LinkGoneError();
        return decision.location;
      }
      if (decision.claimsClick && !(await repo.claimClick(decision.link.id))) throw new LinkGoneError();
      await clicks.record(toClick(decision.link, visit, now));
      return decision.location;
    },

    /**
     * The common case, decided without awaiting anything: a cached, active,
     * unexpired link without a click limit. Gives its destination and the
     * click's way to disk; null whenever resolve() must decide (not cached,
     * unknown, disabled, expired, limited, or the click cannot be kept), so
     * every answer but a plain 302 keeps a single implementation.
     */
    redirectFromCache(visit: Visit): { location: string; spooled: Promise<void> } | null {
      if (!isServableCode(visit.code)) return null;
      const link = cache.get(visit.code);
      if (cache.hasStale) scheduleRefresh();
      if (!link) return null;
      const now = clock();
      const decision = decideVisit(link, now);
      if (decision.kind !== "redirect" || decision.claimsClick) return null;
      if (!visit.countsAsClick) return { location: decision.location, spooled: NOTHING_TO_SPOOL };
      try {
        return { location: decision.location, spooled: clicks.record(toClick(link, visit, now)) };
      } catch {
        return null; // the spool is full: resolve() answers the 503
      }
    },
  };
}

const NOTHING_TO_SPOOL = Promise.resolve();
const REFRESH_DELAY_MS = 50;
const REFRESH_BATCH = 200;

export type RedirectService = ReturnType<typeof createRedirectService>;

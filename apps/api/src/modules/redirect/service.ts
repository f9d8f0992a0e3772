import { isbot } from "isbot";
import { ClicksUnavailableError, type ClicksService } from "../clicks/service.js";
import type { CachedLink, LinkCache } from "./link-cache.js";
import type { RedirectRepository, RedirectTarget } from "./repository.js";
import { decideVisit, isServableCode, type GoneReason, type VisitDecision, type VisitTarget } from "./visit-decision.js";

export interface Visit extends VisitTarget {
  code: string;
  /** A HEAD request answers like GET but is not a click. */
  countsAsClick: boolean;
  referrer: string | null;
  userAgent: string | null;
  ip: string | null;
}

/** What a visit got: the redirect, or what the visitor is shown instead. */
export type VisitOutcome =
  | { kind: "redirect"; location: string; status: number }
  | { kind: "password"; wrong: boolean }
  | { kind: "not_found" }
  | { kind: "gone"; reason: GoneReason }
  | { kind: "blocked" };

const NOT_FOUND: VisitOutcome = { kind: "not_found" };
const ASK_PASSWORD: VisitOutcome = { kind: "password", wrong: false };
const WRONG_PASSWORD: VisitOutcome = { kind: "password", wrong: true };
const LIMIT_REACHED: VisitOutcome = { kind: "gone", reason: "limit_reached" };

/** A form's POST must not be repeated to the destination, as 307 and 308 would: 302 turns it into a GET. */
const asFormAnswer = (outcome: VisitOutcome): VisitOutcome => (outcome.kind === "redirect" ? { ...outcome, status: 302 } : outcome);

function clip(value: string | null, max: number): string | null {
  return value === null ? null : value.slice(0, max);
}

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
  const toCached = (link: RedirectTarget): CachedLink => ({
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

  /**
   * Carries out a decision. A limited link's click is claimed atomically by
   * a person's visit; HEAD requests and bots (link previews) never use one
   * up: they are let through while one is left. Every redirect but HEAD is a
   * click, bots' included (analytics tells them apart).
   */
  async function follow(decision: VisitDecision, visit: Visit, now: Date): Promise<VisitOutcome> {
    if (decision.kind === "password") return ASK_PASSWORD;
    if (decision.kind !== "redirect") return decision;
    const { link } = decision;
    if (decision.claimsClick) {
      const takesClick = visit.countsAsClick && !isbot(visit.userAgent);
      const allowed = takesClick ? await repo.claimClick(link.id) : await repo.hasClicksLeft(link.id);
      if (!allowed) return LIMIT_REACHED;
    }
    if (visit.countsAsClick) await clicks.record(toClick(link, visit, now));
    return { kind: "redirect", location: decision.location, status: decision.status };
  }

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

    /**
     * A password typed on a protected link's page: the stored hash is read
     * each time, so a changed or removed password applies at once. A link
     * without a password (any more) is visited as usual.
     */
    async unlock(visit: Visit, password: string): Promise<VisitOutcome> {
      const decided = await decide(visit);
      if (!decided) return NOT_FOUND;
      const { decision, now } = decided;
      if (decision.kind !== "password") return asFormAnswer(await follow(decision, visit, now));
      const hash = await repo.passwordHashOf(decision.link.id).catch((error: unknown) => {
        throw new ClicksUnavailableError({ cause: error });
      });
      if (hash !== null && (password === "" || !(await verifyPassword(password, hash)))) return WRONG_PASSWORD;
      return asFormAnswer(await follow(decideVisit(decision.link, now, visit, true), visit, now));
    },

    /**
     * The common case, decided without awaiting anything: a cached, active,
     * unexpired link without a click limit. Gives its destination and the
     * click's way to disk; null whenever resolve() must decide (not cached,
     * unknown, disabled, expired, limited, or the click cannot be kept), so
     * every answer but a plain 302 keeps a single implementation.
     */
    redirectFromCache(visit: Visit): { location: string; status: number; spooled: Promise<void> } | null {
      if (!isServableCode(visit.code)) return null;
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
const REFRESH_DELAY_MS = 50;
const REFRESH_BATCH = 200;

export type RedirectService = ReturnType<typeof createRedirectService>;

import { boundedMap } from "./bounded-map.js";
import type { CachedLink } from "./cached-link.js";

export interface LinkCacheOptions {
  maxEntries: number;
  /**
   * After this long an entry is re-read in the background while it keeps
   * serving (so a hot link never drops to the slow path); one that cannot be
   * refreshed (database down) is dropped after four times this long.
   */
  ttlMs: number;
  /** Unknown codes are remembered too, so enumeration floods do not reach the database. */
  negativeMaxEntries: number;
  negativeTtlMs: number;
  now?: () => number;
}

export interface LinkCache {
  /** A link, null for a code known not to exist, undefined when the database must be asked. */
  get(code: string): CachedLink | null | undefined;
  set(code: string, link: CachedLink | null): void;
  invalidate(code: string): void;
  clear(): void;
  /** Counts invalidations: a database read that started before a change must not be stored after it. */
  readonly generation: number;
  /** Whether codes were served past their TTL since the last takeStale(). */
  readonly hasStale: boolean;
  /** Those codes, to re-read together. */
  takeStale(): string[];
  stats(): { entries: number; negativeEntries: number };
}

/**
 * The in-process cache of the redirect path. Entries live `ttlMs` at most and
 * are dropped at once when their link changes (here or, through Redis, on
 * another instance), so an edit is visible everywhere within a second.
 */
export function createLinkCache({ maxEntries, ttlMs, negativeMaxEntries, negativeTtlMs, now = Date.now }: LinkCacheOptions): LinkCache {
  const stale = new Set<string>();
  const links = boundedMap<CachedLink>(maxEntries, ttlMs * 4, now, ttlMs, (code) => stale.add(code));
  const missing = boundedMap<true>(negativeMaxEntries, negativeTtlMs, now);
  let generation = 0;
  return {
    get(code) {
      const link = links.get(code);
      if (link) return link;
      return missing.get(code) ? null : undefined;
    },
    set(code, link) {
      if (link) {
        missing.delete(code);
        links.set(code, link);
      } else {
        links.delete(code);
        missing.set(code, true);
      }
    },
    invalidate(code) {
      generation++;
      links.delete(code);
      missing.delete(code);
    },
    clear() {
      generation++;
      links.clear();
      missing.clear();
    },
    get generation() {
      return generation;
    },
    get hasStale() {
      return stale.size > 0;
    },
    takeStale() {
      const codes = [...stale];
      stale.clear();
      return codes;
    },
    stats: () => ({ entries: links.size, negativeEntries: missing.size }),
  };
}

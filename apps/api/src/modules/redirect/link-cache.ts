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
 * Insertion-ordered map with a TTL: the oldest entry goes first when full.
 * Bounded by construction. Entries past `staleMs` are still served once
 * reported through `onStale`; past `ttlMs` they are gone.
 */
function boundedMap<V>(maxEntries: number, ttlMs: number, now: () => number, staleMs = ttlMs, onStale?: (key: string) => void) {
  const map = new Map<string, { value: V; staleAt: number; expiresAt: number }>();
  return {
    get(key: string): V | undefined {
      const entry = map.get(key);
      if (!entry) return undefined;
      const time = now();
      if (entry.staleAt <= time) {
        if (entry.expiresAt <= time) {
          map.delete(key);
          return undefined;
        }
        if (onStale) {
          entry.staleAt = entry.expiresAt; // reported once; a refresh sets a new entry
          onStale(key);
        }
      }
      return entry.value;
    },
    set(key: string, value: V) {
      map.delete(key);
      if (map.size >= maxEntries) map.delete(map.keys().next().value as string);
      const time = now();
      // Refreshed entries go stale somewhere in the last quarter of staleMs: links cached together
      // (a warm-up, a burst) are then re-read spread out rather than in one go.
      const jitter = onStale ? Math.floor((Math.random() * staleMs) / 4) : 0;
      map.set(key, { value, staleAt: time + staleMs - jitter, expiresAt: time + ttlMs });
    },
    delete: (key: string) => map.delete(key),
    clear: () => map.clear(),
    get size() {
      return map.size;
    },
  };
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

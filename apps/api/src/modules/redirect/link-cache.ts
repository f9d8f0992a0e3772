/** What a redirect needs to know about a link. */
export interface CachedLink {
  id: number;
  /** The owner, whose live view hears about the click. */
  userId: number;
  longUrl: string;
  isActive: boolean;
  expiresAt: Date | null;
  maxClicks: number | null;
}

export interface LinkCacheOptions {
  maxEntries: number;
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
  stats(): { entries: number; negativeEntries: number };
}

/** Insertion-ordered map with a TTL: the oldest entry goes first when full. Bounded by construction. */
function boundedMap<V>(maxEntries: number, ttlMs: number, now: () => number) {
  const map = new Map<string, { value: V; expiresAt: number }>();
  return {
    get(key: string): V | undefined {
      const entry = map.get(key);
      if (!entry) return undefined;
      if (entry.expiresAt <= now()) {
        map.delete(key);
        return undefined;
      }
      return entry.value;
    },
    set(key: string, value: V) {
      map.delete(key);
      if (map.size >= maxEntries) map.delete(map.keys().next().value as string);
      map.set(key, { value, expiresAt: now() + ttlMs });
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
  const links = boundedMap<CachedLink>(maxEntries, ttlMs, now);
  const missing = boundedMap<true>(negativeMaxEntries, negativeTtlMs, now);
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
      links.delete(code);
      missing.delete(code);
    },
    clear() {
      links.clear();
      missing.clear();
    },
    stats: () => ({ entries: links.size, negativeEntries: missing.size }),
  };
}

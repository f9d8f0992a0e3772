/**
 * Insertion-ordered map with a TTL: the oldest entry goes first when full.
 * Bounded by construction. Entries past `staleMs` are still served once
 * reported through `onStale`; past `ttlMs` they are gone.
 */
export function boundedMap<V>(maxEntries: number, ttlMs: number, now: () => number, staleMs = ttlMs, onStale?: (key: string) => void) {
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

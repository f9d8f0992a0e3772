import { toCached } from "./cached-link.js";
import type { LinkCache } from "./link-cache.js";
import type { RedirectRepository } from "./repository.js";

const REFRESH_DELAY_MS = 50;
const REFRESH_BATCH = 200;

/**
 * Links served past their TTL are re-read together, off the visitors'
 * path, up to REFRESH_BATCH every REFRESH_DELAY_MS; until then (and, with
 * the database down, until they expire) they keep being served.
 * Returns the function that schedules the next refresh.
 */
export function createCacheRefresh(repo: RedirectRepository, cache: LinkCache) {
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
  return scheduleRefresh;
}

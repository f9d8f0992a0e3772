import { ClicksUnavailableError } from "../clicks/service.js";
import { toCached, type CachedLink } from "./cached-link.js";
import type { LinkCache } from "./link-cache.js";
import type { RedirectRepository } from "./repository.js";

/** A code's link from the cache, or on a miss from the database (then cached): null when there is none. */
export function createReadThroughLookup(repo: RedirectRepository, cache: LinkCache) {
  return async function lookup(code: string): Promise<CachedLink | null> {
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
  };
}

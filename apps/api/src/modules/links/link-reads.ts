import { tagKey, type LinkItem, type ListUrlsQueryInput, type StatsResponse, type TagCount } from "@shortly/contract";
import { linkState } from "../../lib/link-state.js";
import { LinkGoneError, LinkNotFoundError } from "./errors.js";
import { toLinkItem } from "./link-responses.js";
import { searchSpellings } from "./search-spellings.js";
import type { LinksServiceContext, LinksServiceDeps } from "./service-context.js";

export function createLinkReads({ repo, users, clicks }: LinksServiceDeps, { clock, getOwnedOrThrow }: LinksServiceContext) {
  return {
    async list(userId: number, query: ListUrlsQueryInput) {
      await users.getActiveUserOrThrow(userId);
      const { limit, offset } = query;
      const search = query.q ? searchSpellings(query.q) : undefined;
      const { items, total } = await repo.listByOwner(
        userId,
        { limit, offset, state: query.state, sort: query.sort, search, tagKey: query.tag && tagKey(query.tag) },
        clock(),
      );
      const totals = await clicks.totalsByLink(items.map((l) => l.id));
      return { items: items.map((l) => toLinkItem(l, totals.get(l.id) ?? 0, clock())), total, limit, offset };
    },

    async tags(userId: number): Promise<TagCount[]> {
      await users.getActiveUserOrThrow(userId);
      return repo.tagCounts(userId);
    },

    async get(userId: number, code: string): Promise<LinkItem> {
      const link = await getOwnedOrThrow(userId, code);
      const totals = await clicks.totalsByLink([link.id]);
      return toLinkItem(link, totals.get(link.id) ?? 0, clock());
    },

    /** The contract's stats: 404 when missing, not yours or disabled; 410 when expired or used up. */
    async stats(userId: number, code: string): Promise<StatsResponse> {
      const link = await getOwnedOrThrow(userId, code);
      const state = linkState(link, clock());
      if (state === "disabled") throw new LinkNotFoundError();
      if (state !== "active") throw new LinkGoneError();
      const { total, byDate } = await clicks.statsByDate(link.id);
      return { short_code: link.code, long_url: link.longUrl, total_clicks: total, by_date: byDate };
    },
  };
}

import { ANALYTICS_TOP_N, type DashboardResponse, type LinkAnalyticsResponse } from "@shortly/contract";
import type { Readable } from "node:stream";
import type { LinksService } from "../links/service.js";
import { toCsv } from "./clicks-csv.js";
import { resolveRange, type RangeQuery } from "./day-range.js";
import type { AnalyticsRepository } from "./repository.js";
import { scopeAnalytics } from "./scope-analytics.js";

export { resolveRange, type RangeQuery } from "./day-range.js";

export interface AnalyticsServiceDeps {
  repo: AnalyticsRepository;
  links: Pick<LinksService, "getOwnedOrThrow">;
  clock?: () => Date;
}

export function createAnalyticsService({ repo, links, clock = () => new Date() }: AnalyticsServiceDeps) {
  return {
    async dashboard(userId: number, query: RangeQuery): Promise<DashboardResponse> {
      const range = resolveRange(query, clock());
      const [base, top] = await Promise.all([scopeAnalytics(repo, { userId }, range), repo.topLinks(userId, range, ANALYTICS_TOP_N)]);
      return { ...base, top_links: top.map((l) => ({ code: l.code, long_url: l.longUrl, clicks: l.clicks })) };
    },

    /** Any state of the link: expired and used-up links keep their history. */
    async forLink(userId: number, code: string, query: RangeQuery): Promise<LinkAnalyticsResponse> {
      const link = await links.getOwnedOrThrow(userId, code);
      return scopeAnalytics(repo, { linkId: link.id }, resolveRange(query, clock()));
    },

    /** Without a range, every raw click still kept (all of them unless CLICK_RETENTION_DAYS drops old months). */
    async exportLink(userId: number, code: string, query: RangeQuery): Promise<Readable> {
      const link = await links.getOwnedOrThrow(userId, code);
      return toCsv(await repo.streamClicks({ linkId: link.id }, query.range || query.from ? resolveRange(query, clock()) : null));
    },

    async exportAccount(userId: number, query: RangeQuery): Promise<Readable> {
      return toCsv(await repo.streamClicks({ userId }, query.range || query.from ? resolveRange(query, clock()) : null));
    },
  };
}

export type AnalyticsService = ReturnType<typeof createAnalyticsService>;

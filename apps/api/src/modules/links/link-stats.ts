import type { StatsResponse } from "@shortly/contract";
import { linkState } from "../../lib/link-state.js";
import { LinkGoneError, LinkNotFoundError } from "./errors.js";
import type { LinksServiceContext, LinksServiceDeps } from "./service-context.js";

export function createLinkStats({ clicks }: LinksServiceDeps, { clock, getOwnedOrThrow }: LinksServiceContext) {
  return {
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

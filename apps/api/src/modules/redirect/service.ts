import { isReservedCode, isValidShortCodeFormat } from "@shortly/contract";
import { linkState } from "../../lib/link-state.js";
import type { ClicksService } from "../clicks/service.js";
import { LinkGoneError, LinkNotFoundError } from "../links/errors.js";
import type { RedirectRepository } from "./repository.js";

export interface Visit {
  code: string;
  /** A HEAD request answers like GET but is not a click. */
  countsAsClick: boolean;
  referrer: string | null;
  userAgent: string | null;
  ip: string | null;
}

function clip(value: string | null, max: number): string | null {
  return value === null ? null : value.slice(0, max);
}

/**
 * The redirect hot path: one indexed lookup, plus the atomic claim for links
 * with a click limit. The click is queued, never awaited.
 */
export function createRedirectService(repo: RedirectRepository, clicks: ClicksService, clock: () => Date = () => new Date()) {
  return {
    async resolve(visit: Visit): Promise<string> {
      if (!isValidShortCodeFormat(visit.code) || isReservedCode(visit.code)) throw new LinkNotFoundError();
      const link = await repo.findByCode(visit.code);
      if (!link) throw new LinkNotFoundError();
      const now = clock();
      const state = linkState(link, now);
      if (state === "disabled") throw new LinkNotFoundError();
      if (state !== "active") throw new LinkGoneError();
      if (!visit.countsAsClick) return link.longUrl;
      if (link.maxClicks !== null && !(await repo.claimClick(link.id))) throw new LinkGoneError();
      clicks.record({
        linkId: link.id,
        clickedAt: now,
        referrer: clip(visit.referrer, 2048),
        userAgent: clip(visit.userAgent, 1024),
        ip: visit.ip,
      });
      return link.longUrl;
    },
  };
}

export type RedirectService = ReturnType<typeof createRedirectService>;

import { isbot } from "isbot";
import type { ClicksService } from "../clicks/service.js";
import type { RedirectRepository } from "./repository.js";
import { toClick } from "./visit-click.js";
import type { VisitDecision } from "./visit-decision.js";
import { ASK_PASSWORD, LIMIT_REACHED, type VisitOutcome } from "./visit-outcome.js";
import type { Visit } from "./visit.js";

/**
 * Carries out a decision. A limited link's click is claimed atomically by
 * a person's visit; HEAD requests and bots (link previews) never use one
 * up: they are let through while one is left. Every redirect but HEAD is a
 * click, bots' included (analytics tells them apart).
 */
export function createFollow(repo: RedirectRepository, clicks: ClicksService) {
  return async function follow(decision: VisitDecision, visit: Visit, now: Date): Promise<VisitOutcome> {
    // A spent limit is told before the password is asked for, as an expiry is: no password can open it.
    if (decision.kind === "password") {
      const spent = decision.link.maxClicks !== null && !(await repo.hasClicksLeft(decision.link.id));
      return spent ? LIMIT_REACHED : ASK_PASSWORD;
    }
    if (decision.kind !== "redirect") return decision;
    const { link } = decision;
    if (decision.claimsClick) {
      const takesClick = visit.countsAsClick && !isbot(visit.userAgent);
      const allowed = takesClick ? await repo.claimClick(link.id) : await repo.hasClicksLeft(link.id);
      if (!allowed) return LIMIT_REACHED;
    }
    if (visit.countsAsClick) await clicks.record(toClick(link, visit, now));
    return { kind: "redirect", location: decision.location, status: decision.status };
  };
}

export type Follow = ReturnType<typeof createFollow>;

import { ClicksUnavailableError } from "../clicks/service.js";
import type { Follow } from "./follow-decision.js";
import type { RedirectRepository } from "./repository.js";
import { decideVisit, type VisitDecision } from "./visit-decision.js";
import { asFormAnswer, NOT_FOUND, WRONG_PASSWORD, type VisitOutcome } from "./visit-outcome.js";
import type { Visit } from "./visit.js";

export interface PasswordUnlockDeps {
  repo: RedirectRepository;
  /** Checks a link password against its bcrypt hash. */
  verifyPassword: (password: string, hash: string) => Promise<boolean>;
  /** The service's decision on a visit, and its time; null for what cannot be a code. */
  decide: (visit: Visit) => Promise<{ decision: VisitDecision; now: Date } | null>;
  follow: Follow;
}

/**
 * A password typed on a protected link's page: the stored hash is read
 * each time, so a changed or removed password applies at once. A link
 * without a password (any more) is visited as usual. `admitAttempt` runs
 * only when a password is tried on a link that asks for one (it throws to
 * refuse), so posts to other links, and posts without a password, never
 * count against the attempt limit.
 */
export function createPasswordUnlock({ repo, verifyPassword, decide, follow }: PasswordUnlockDeps) {
  return async function unlock(visit: Visit, password: string, admitAttempt: () => Promise<void>): Promise<VisitOutcome> {
    const decided = await decide(visit);
    if (!decided) return NOT_FOUND;
    const { decision, now } = decided;
    // For a link asking for a password, follow() says whether one could still open it (a spent limit cannot).
    const asked = await follow(decision, visit, now);
    if (decision.kind !== "password" || asked.kind !== "password") return asFormAnswer(asked);
    const hash = await repo.passwordHashOf(decision.link.id).catch((error: unknown) => {
      throw new ClicksUnavailableError({ cause: error });
    });
    if (hash !== null) {
      // Sending no password is not an attempt: it must not use up the visitor's allowance.
      if (password === "") return WRONG_PASSWORD;
      await admitAttempt();
      if (!(await verifyPassword(password, hash))) return WRONG_PASSWORD;
    }
    return asFormAnswer(await follow(decideVisit(decision.link, now, visit, true), visit, now));
  };
}

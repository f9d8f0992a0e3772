import type { GoneReason } from "./visit-decision.js";

/** What a visit got: the redirect, or what the visitor is shown instead. */
export type VisitOutcome =
  | { kind: "redirect"; location: string; status: number }
  | { kind: "password"; wrong: boolean }
  | { kind: "not_found" }
  | { kind: "gone"; reason: GoneReason }
  | { kind: "blocked" };

export const NOT_FOUND: VisitOutcome = { kind: "not_found" };
export const ASK_PASSWORD: VisitOutcome = { kind: "password", wrong: false };
export const WRONG_PASSWORD: VisitOutcome = { kind: "password", wrong: true };
export const LIMIT_REACHED: VisitOutcome = { kind: "gone", reason: "limit_reached" };

/** A form's POST must not be repeated to the destination, as 307 and 308 would: 302 turns it into a GET. */
export const asFormAnswer = (outcome: VisitOutcome): VisitOutcome => (outcome.kind === "redirect" ? { ...outcome, status: 302 } : outcome);

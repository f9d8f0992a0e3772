import type { IncomingMessage } from "node:http";
import Negotiator from "negotiator";

/**
 * Whether the client ranks HTML above JSON, as a browser's navigation does
 * (`text/html,…,*\/*;q=0.8`). No Accept header or `*\/*` alone (curl) keeps
 * the contract's JSON; two named at one quality go to the first named.
 */
export function prefersHtml(req: IncomingMessage): boolean {
  return new Negotiator(req).mediaType(["application/json", "text/html"]) === "text/html";
}

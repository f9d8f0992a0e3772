import type { IncomingMessage } from "node:http";
import Negotiator from "negotiator";

/**
 * Whether the client ranks HTML above JSON, as a browser's navigation does
 * (`text/html,…,*\/*;q=0.8`). A tie, no Accept header or `*\/*` (curl) keeps
 * the contract's JSON.
 */
export function prefersHtml(req: IncomingMessage): boolean {
  return new Negotiator(req).mediaType(["application/json", "text/html"]) === "text/html";
}

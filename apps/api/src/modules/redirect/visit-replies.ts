import { validateHeaderValue } from "node:http";
import type { FastifyReply, FastifyRequest } from "fastify";
import { LinkBlockedError, LinkGoneError, LinkNotFoundError } from "../links/service.js";
import { LinkPasswordRequiredError, WrongLinkPasswordError } from "./errors.js";
import { prefersHtml } from "./negotiate.js";
import { passwordPage } from "./password-pages.js";
import type { VisitOutcome } from "./visit-outcome.js";
import { writeRedirect } from "./visit.js";
import { blockedPage, gonePage, notFoundPage, VISITOR_PAGE_CSP, type VisitorPage } from "./visitor-pages.js";

/** A visitor page: never cached, and under the pages' own CSP. */
export function sendPage(reply: FastifyReply, page: VisitorPage) {
  return reply
    .code(page.status)
    .header("cache-control", "no-store")
    .header("content-security-policy", VISITOR_PAGE_CSP)
    .type("text/html; charset=utf-8")
    .send(page.html);
}

/**
 * The answer to a visit: the 302, or, for a visit that cannot be followed,
 * a page when the client prefers HTML (a browser) and the contract's JSON
 * otherwise. Only refusals pay for the negotiation.
 */
export function answer(request: FastifyRequest, reply: FastifyReply, code: string, outcome: VisitOutcome) {
  if (outcome.kind === "redirect") {
    // Stored destinations are validated URLs; one Node refuses as a header is a bug, answered as a 500.
    validateHeaderValue("location", outcome.location);
    reply.hijack(); // written exactly as the fast path writes it
    if (!writeRedirect(reply.raw, outcome.location, outcome.status)) reply.raw.destroy(); // not reachable after the check above
    return reply;
  }
  const html = prefersHtml(request.raw);
  switch (outcome.kind) {
    case "not_found":
      if (html) return sendPage(reply, notFoundPage());
      throw new LinkNotFoundError();
    case "gone":
      if (html) return sendPage(reply, gonePage(outcome.reason));
      throw new LinkGoneError();
    case "blocked":
      if (html) return sendPage(reply, blockedPage());
      throw new LinkBlockedError();
    case "password":
      if (html) return sendPage(reply, passwordPage(request.url, outcome.wrong));
      throw outcome.wrong ? new WrongLinkPasswordError() : new LinkPasswordRequiredError();
  }
}

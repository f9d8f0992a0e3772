import { validateHeaderValue } from "node:http";
import fastifyFormbody from "@fastify/formbody";
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import { RateLimitedError, ValidationFailedError } from "../../lib/app-error.js";
import { LinkBlockedError, LinkGoneError, LinkNotFoundError } from "../links/service.js";
import { LinkPasswordRequiredError, WrongLinkPasswordError } from "./errors.js";
import { prefersHtml } from "./negotiate.js";
import type { RedirectService, VisitOutcome } from "./service.js";
import { isServableCode } from "./visit-decision.js";
import { visitFrom, writeRedirect } from "./visit.js";
import {
  blockedPage,
  gonePage,
  notFoundPage,
  passwordPage,
  tooManyAttemptsPage,
  VISITOR_PAGE_CSP,
  type VisitorPage,
} from "./visitor-pages.js";

export interface RedirectRoutesOptions {
  redirects: RedirectService;
  /** Password attempts per link and client address. */
  passwordAttempts: { enabled: boolean; max: number; windowMs: number };
}

function sendPage(reply: FastifyReply, page: VisitorPage) {
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
function answer(request: FastifyRequest, reply: FastifyReply, code: string, outcome: VisitOutcome) {
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

// GET|HEAD /:code – the short link itself (cached plain links are answered earlier, by fast-route.ts)
// GET|HEAD /:code/* – path forwarding, for links that allow it (the rest get the not-found answer)
// POST /:code and /:code/* – the password of a protected link, from its page (form) or a script (JSON)
export const redirectRoutes: FastifyPluginAsync<RedirectRoutesOptions> = async (app, { redirects, passwordAttempts }) => {
  await app.register(fastifyFormbody, { bodyLimit: 4096 });

  /** The visit a request makes: the code, and the raw path after it (judged as sent, not decoded). */
  const visitOf = (request: FastifyRequest<{ Params: { code: string } }>) => {
    const url = (request.raw.url ?? "").split(/[?#]/, 1)[0]!;
    const slash = url.indexOf("/", 1);
    return visitFrom(request.raw, request.params.code, request.ip, slash === -1 ? "" : url.slice(slash));
  };

  const visit = async (request: FastifyRequest<{ Params: { code: string } }>, reply: FastifyReply) => {
    if (!isServableCode(request.params.code) && request.url.indexOf("/", 1) !== -1) return reply.callNotFound();
    return answer(request, reply, request.params.code, await redirects.resolve(visitOf(request)));
  };

  const unlock = async (request: FastifyRequest<{ Params: { code: string }; Body: unknown }>, reply: FastifyReply) => {
    const { code } = request.params;
    if (!isServableCode(code)) {
      if (request.url.indexOf("/", 1) !== -1) return reply.callNotFound();
      return answer(request, reply, code, { kind: "not_found" });
    }
    const html = prefersHtml(request.raw);
    if (passwordAttempts.enabled) {
      const { count, resetInMs } = await app.counters.hit(`link-password:${code}:${request.ip}`, passwordAttempts.windowMs);
      if (count > passwordAttempts.max) {
        const seconds = Math.max(1, Math.ceil(resetInMs / 1000));
        if (!html) throw new RateLimitedError(seconds);
        return sendPage(reply.header("retry-after", String(seconds)), tooManyAttemptsPage(seconds));
      }
    }
    const given = (request.body as { password?: unknown } | null)?.password;
    const password = typeof given === "string" ? given : "";
    const outcome = await redirects.unlock(visitOf(request), password);
    // A script that sent no password gets the contract's 422; a person gets the form again.
    if (outcome.kind === "password" && password === "" && !html) {
      throw ValidationFailedError.at(["body", "password"], "field required", "value_error.missing");
    }
    return answer(request, reply, code, outcome);
  };

  app.get<{ Params: { code: string } }>("/:code", visit);
  app.get<{ Params: { code: string } }>("/:code/*", { config: { catchAll: true } }, visit);
  app.post<{ Params: { code: string }; Body: unknown }>("/:code", unlock);
  app.post<{ Params: { code: string }; Body: unknown }>("/:code/*", { config: { catchAll: true } }, unlock);
};

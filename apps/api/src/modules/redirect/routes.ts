import { validateHeaderValue } from "node:http";
import fastifyFormbody from "@fastify/formbody";
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import { RateLimitedError, ValidationFailedError } from "../../lib/app-error.js";
import { LinkBlockedError, LinkGoneError, LinkNotFoundError } from "../links/service.js";
import { LinkPasswordRequiredError, WrongLinkPasswordError } from "./errors.js";
import { prefersHtml } from "./negotiate.js";
import type { RedirectService, VisitOutcome } from "./service.js";
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
    if (!writeRedirect(reply.raw, outcome.location)) reply.raw.destroy(); // not reachable after the check above
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
      if (html) return sendPage(reply, passwordPage(code, outcome.wrong));
      throw outcome.wrong ? new WrongLinkPasswordError() : new LinkPasswordRequiredError();
  }
}

// GET|HEAD /:code – the short link itself (cached plain links are answered earlier, by fast-route.ts)
// POST /:code – the password of a protected link, from its page (form) or a script (JSON)
export const redirectRoutes: FastifyPluginAsync<RedirectRoutesOptions> = async (app, { redirects, passwordAttempts }) => {
  await app.register(fastifyFormbody, { bodyLimit: 4096 });

  app.get<{ Params: { code: string } }>("/:code", async (request, reply) => {
    const { code } = request.params;
    return answer(request, reply, code, await redirects.resolve(visitFrom(request.raw, code, request.ip)));
  });

  app.post<{ Params: { code: string }; Body: unknown }>("/:code", async (request, reply) => {
    const { code } = request.params;
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
    const outcome = await redirects.unlock(visitFrom(request.raw, code, request.ip), password);
    // A script that sent no password gets the contract's 422; a person gets the form again.
    if (outcome.kind === "password" && password === "" && !html) {
      throw ValidationFailedError.at(["body", "password"], "field required", "value_error.missing");
    }
    return answer(request, reply, code, outcome);
  });
};

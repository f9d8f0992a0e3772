import fastifyFormbody from "@fastify/formbody";
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import { ValidationFailedError } from "../../lib/app-error.js";
import { TooManyPasswordAttempts } from "./errors.js";
import { prefersHtml } from "./negotiate.js";
import { tooManyAttemptsPage } from "./password-pages.js";
import type { RedirectService } from "./service.js";
import { answer, sendPage } from "./visit-replies.js";
import { isServableCode } from "./visit-decision.js";
import { visitFrom } from "./visit.js";

export interface RedirectRoutesOptions {
  redirects: RedirectService;
  /** Password attempts per link and client address. */
  passwordAttempts: { enabled: boolean; max: number; windowMs: number };
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
    const admitAttempt = async () => {
      if (!passwordAttempts.enabled) return;
      const { count, resetInMs } = await app.counters.hit(`link-password:${code}:${request.ip}`, passwordAttempts.windowMs);
      if (count > passwordAttempts.max) throw new TooManyPasswordAttempts(Math.max(1, Math.ceil(resetInMs / 1000)));
    };
    const given = (request.body as { password?: unknown } | null)?.password;
    if (given !== undefined && given !== null && typeof given !== "string") {
      throw ValidationFailedError.at(["body", "password"], "str type expected", "value_error.invalid_type");
    }
    const password = given ?? "";
    let outcome;
    try {
      outcome = await redirects.unlock(visitOf(request), password, admitAttempt);
    } catch (error) {
      if (!(html && error instanceof TooManyPasswordAttempts)) throw error;
      return sendPage(reply.header("retry-after", String(error.seconds)), tooManyAttemptsPage(error.seconds));
    }
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

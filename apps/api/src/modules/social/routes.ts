import { errorBodySchema, ERROR_MESSAGES, socialProvidersResponseSchema } from "@shortly/contract";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../../lib/app-error.js";
import { SocialLoginError } from "./errors.js";
import type { SocialService } from "./service.js";

// Lax, unlike the refresh cookie: it must come back on the provider's cross-site redirect to us.
const STATE_COOKIE = "social_state";
const STATE_COOKIE_PATH = "/api/auth/social";

export interface SocialRoutesOptions {
  social: SocialService;
  refreshTtlSeconds: number;
}

export const socialRoutes: FastifyPluginAsyncZod<SocialRoutesOptions> = async (app, { social, refreshTtlSeconds }) => {
  const stateCookie = (request: FastifyRequest) => ({
    httpOnly: true,
    secure: request.protocol === "https",
    sameSite: "lax" as const,
    path: STATE_COOKIE_PATH,
  });
  const failed = (reply: FastifyReply, request: FastifyRequest, error: unknown) => {
    if (!(error instanceof SocialLoginError)) throw error;
    request.log.warn({ reason: error.reason, cause: error.cause }, "social login failed");
    return reply.clearCookie(STATE_COOKIE, stateCookie(request)).redirect(`/login?social_error=${error.reason}`, 302);
  };

  // GET /api/auth/social/providers – the configured providers ([] when none)
  app.get("/api/auth/social/providers", { schema: { response: { 200: socialProvidersResponseSchema } } }, async () => social.list());

  // GET /api/auth/social/:provider/initiate – off to the provider with state, nonce and PKCE
  app.get(
    "/api/auth/social/:provider/initiate",
    { schema: { params: z.object({ provider: z.string() }), response: { 404: errorBodySchema } } },
    async (request, reply) => {
      if (!social.has(request.params.provider)) throw new AppError("NOT_FOUND", ERROR_MESSAGES.NOT_FOUND);
      try {
        const { url, state } = await social.initiate(request.params.provider);
        return reply.setCookie(STATE_COOKIE, state, { ...stateCookie(request), maxAge: 600 }).redirect(url.href, 302);
      } catch (error) {
        return failed(reply, request, error);
      }
    },
  );

  // GET /api/auth/social/callback – the provider sends the browser back here
  app.get("/api/auth/social/callback", async (request, reply) => {
    const search = request.url.includes("?") ? request.url.slice(request.url.indexOf("?")) : "";
    try {
      const signedIn = await social.complete(search, request.cookies[STATE_COOKIE]);
      // No token in the URL: the SPA page obtains its access token through the refresh cookie.
      return reply
        .clearCookie(STATE_COOKIE, stateCookie(request))
        .setRefreshCookie(signedIn.refresh.token, refreshTtlSeconds)
        .redirect("/auth/callback", 302);
    } catch (error) {
      return failed(reply, request, error);
    }
  });
};

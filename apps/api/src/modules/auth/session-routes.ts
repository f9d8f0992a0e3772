import { errorBodySchema, tokenResponseSchema } from "@shortly/contract";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { RateLimitConfig } from "../../config.js";
import { REFRESH_COOKIE } from "../../plugins/auth.js";
import { RotationLostError, SessionExpiredError } from "../sessions/service.js";
import { errors } from "./error-responses.js";
import type { AuthService } from "./service.js";

const MINUTE = 60_000;

export interface SessionRoutesOptions {
  auth: AuthService;
  limits: RateLimitConfig;
  refreshTtlSeconds: number;
}

/** A session after login: its refresh cookie rotated, then ended here or everywhere. */
export const sessionRoutes: FastifyPluginAsyncZod<SessionRoutesOptions> = async (app, { auth, limits, refreshTtlSeconds }) => {
  // POST /api/auth/token/refresh – a new access token; the refresh cookie is rotated
  app.post(
    "/api/auth/token/refresh",
    {
      preHandler: app.limitPerIp({ name: "refresh", max: limits.refreshPerIpPerMinute, windowMs: MINUTE }),
      schema: { response: { 200: tokenResponseSchema, ...errors } },
    },
    async (request, reply) => {
      try {
        const signedIn = await auth.refresh(request.cookies[REFRESH_COOKIE]);
        return reply.setRefreshCookie(signedIn.refresh.token, refreshTtlSeconds).send(signedIn.body);
      } catch (error) {
        // Only a dead session loses its cookie: a lost race keeps the winner's, an outage (503) the session.
        if (error instanceof SessionExpiredError && !(error instanceof RotationLostError)) reply.clearRefreshCookie();
        throw error;
      }
    },
  );

  // POST /api/auth/logout – ends this session (its refresh token family) and clears the cookie
  app.post(
    "/api/auth/logout",
    { onRequest: app.denyApiKeys, schema: { response: { 204: z.null(), 403: errorBodySchema } } },
    async (request, reply) => {
      await auth.logout(request.cookies[REFRESH_COOKIE]);
      return reply.clearRefreshCookie().code(204).send(null);
    },
  );

  // POST /api/auth/logout-all – ends every session of the signed-in user
  app.post(
    "/api/auth/logout-all",
    { onRequest: [app.authenticate, app.denyApiKeys], schema: { response: { 204: z.null(), 401: errorBodySchema, 403: errorBodySchema } } },
    async (request, reply) => {
      await auth.logoutEverywhere(request.userId);
      return reply.clearRefreshCookie().code(204).send(null);
    },
  );
};

import fastifyFormbody from "@fastify/formbody";
import { errorBodySchema, loginRequestSchema, registerRequestSchema, tokenResponseSchema, userResponseSchema } from "@shortly/contract";
import type { FastifyReply } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { RateLimitConfig } from "../../config.js";
import { REFRESH_COOKIE } from "../../plugins/auth.js";
import type { UsersService } from "../users/service.js";
import type { AuthService, SignedIn } from "./service.js";

const MINUTE = 60_000;
const errors = { 401: errorBodySchema, 422: errorBodySchema, 429: errorBodySchema };

export interface AuthRoutesOptions {
  auth: AuthService;
  limits: RateLimitConfig;
  refreshTtlSeconds: number;
  users: UsersService;
}

export const authRoutes: FastifyPluginAsyncZod<AuthRoutesOptions> = async (app, { auth, limits, refreshTtlSeconds, users }) => {
  // The OAuth2 password form is accepted only on this module's routes.
  await app.register(fastifyFormbody);

  const send = (reply: FastifyReply, signedIn: SignedIn) =>
    reply.setRefreshCookie(signedIn.refresh.token, refreshTtlSeconds).send(signedIn.body);

  const loginLimits = [
    app.limitPerIp({ name: "login", max: limits.loginPerIpPerMinute, windowMs: MINUTE }),
    app.limitPerAccount({
      name: "login",
      max: limits.loginPerAccountPerMinute,
      windowMs: MINUTE,
      key: (request) => {
        const username = (request.body as { username?: unknown } | undefined)?.username;
        return typeof username === "string" ? username.trim().toLowerCase() : null;
      },
    }),
  ];
  const loginSchema = { body: loginRequestSchema, response: { 200: tokenResponseSchema, ...errors } };

  // POST /api/auth/register – create an account
  app.post(
    "/api/auth/register",
    {
      preHandler: app.limitPerIp({ name: "register", max: limits.registerPerIpPerHour, windowMs: 60 * MINUTE }),
      schema: { body: registerRequestSchema, response: { 201: userResponseSchema, 409: errorBodySchema, ...errors } },
    },
    async (request, reply) => reply.code(201).send(users.toResponse(await auth.register(request.body))),
  );

  // POST /api/auth/login-json – JSON login, `username` carries the email; also sets the refresh cookie
  app.post("/api/auth/login-json", { preHandler: loginLimits, schema: loginSchema }, async (request, reply) =>
    send(reply, await auth.login(request.body, request.ip)),
  );

  // POST /api/auth/login – the same, as an OAuth2 password-flow form
  app.post("/api/auth/login", { preHandler: loginLimits, schema: loginSchema }, async (request, reply) =>
    send(reply, await auth.login(request.body, request.ip)),
  );

  // POST /api/auth/token/refresh – a new access token; the refresh cookie is rotated
  app.post(
    "/api/auth/token/refresh",
    {
      preHandler: app.limitPerIp({ name: "refresh", max: limits.refreshPerIpPerMinute, windowMs: MINUTE }),
      schema: { response: { 200: tokenResponseSchema, ...errors } },
    },
    async (request, reply) => {
      try {
        return send(reply, await auth.refresh(request.cookies[REFRESH_COOKIE]));
      } catch (error) {
        reply.clearRefreshCookie();
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

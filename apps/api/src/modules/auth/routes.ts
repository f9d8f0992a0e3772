import fastifyFormbody from "@fastify/formbody";
import { errorBodySchema, loginRequestSchema, registerRequestSchema, tokenResponseSchema, userResponseSchema } from "@shortly/contract";
import type { FastifyReply } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { UsersService } from "../users/service.js";
import { errors } from "./error-responses.js";
import type { SignedIn } from "./service.js";
import { sessionRoutes, type SessionRoutesOptions } from "./session-routes.js";

const MINUTE = 60_000;

export interface AuthRoutesOptions extends SessionRoutesOptions {
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

  await app.register(sessionRoutes, { auth, limits, refreshTtlSeconds });
};

import fastifyFormbody from "@fastify/formbody";
import {
  errorBodySchema,
  loginRequestSchema,
  registerRequestSchema,
  tokenResponseSchema,
  userResponseSchema,
} from "@shortly/contract";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { toUserResponse } from "../users/service.js";
import type { AuthService } from "./service.js";

const loginSchema = {
  body: loginRequestSchema,
  response: { 200: tokenResponseSchema, 401: errorBodySchema, 422: errorBodySchema },
};

export const authRoutes: FastifyPluginAsyncZod<{ auth: AuthService }> = async (app, { auth }) => {
  // The OAuth2 password form is accepted only on this module's routes.
  await app.register(fastifyFormbody);

  // POST /api/auth/register – create an account
  app.post(
    "/api/auth/register",
    {
      schema: {
        body: registerRequestSchema,
        response: { 201: userResponseSchema, 409: errorBodySchema, 422: errorBodySchema },
      },
    },
    async (request, reply) => reply.code(201).send(toUserResponse(await auth.register(request.body))),
  );

  // POST /api/auth/login-json – JSON login, `username` carries the email
  app.post("/api/auth/login-json", { schema: loginSchema }, async (request) => auth.login(request.body));

  // POST /api/auth/login – the same, as an OAuth2 password-flow form
  app.post("/api/auth/login", { schema: loginSchema }, async (request) => auth.login(request.body));
};

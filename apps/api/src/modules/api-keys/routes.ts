import { apiKeyListSchema, apiKeyParamsSchema, createApiKeyRequestSchema, createdApiKeySchema, errorBodySchema } from "@shortly/contract";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { ApiKeysService } from "./service.js";

const errors = { 401: errorBodySchema, 403: errorBodySchema, 422: errorBodySchema, 429: errorBodySchema };

// Managing keys needs a person's session: a key cannot create, list or revoke keys.
export const apiKeysRoutes: FastifyPluginAsyncZod<{ apiKeys: ApiKeysService }> = async (app, { apiKeys }) => {
  app.addHook("onRequest", app.authenticate);
  app.addHook("onRequest", app.denyApiKeys);

  // POST /api/keys – a new key, shown in this answer only
  app.post(
    "/api/keys",
    { schema: { body: createApiKeyRequestSchema, response: { 201: createdApiKeySchema, ...errors } } },
    async (request, reply) => reply.code(201).send(await apiKeys.create(request.userId, request.body)),
  );

  // GET /api/keys – the account's keys, newest first, without the keys themselves
  app.get("/api/keys", { schema: { response: { 200: apiKeyListSchema, ...errors } } }, async (request) => ({
    items: await apiKeys.list(request.userId),
  }));

  // DELETE /api/keys/{id} – revokes a key at once, everywhere
  app.delete(
    "/api/keys/:id",
    { schema: { params: apiKeyParamsSchema, response: { 204: z.null(), 404: errorBodySchema, ...errors } } },
    async (request, reply) => {
      await apiKeys.revoke(request.userId, request.params.id);
      return reply.code(204).send(null);
    },
  );
};

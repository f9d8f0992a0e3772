import {
  bulkCreateRequestSchema,
  bulkCreateResponseSchema,
  createdUrlResponseSchema,
  createUrlRequestSchema,
  errorBodySchema,
  linkItemSchema,
  listUrlsQuerySchema,
  listTagsResponseSchema,
  listUrlsResponseSchema,
  shortCodeParamsSchema,
  statsResponseSchema,
  updateUrlRequestSchema,
} from "@shortly/contract";
import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { toCreatedUrlResponse, type LinksService } from "./service.js";

const errors = { 401: errorBodySchema, 404: errorBodySchema, 422: errorBodySchema };

export const linksRoutes: FastifyPluginAsyncZod<{ links: LinksService; createPerMinute: number }> = async (
  app,
  { links, createPerMinute },
) => {
  app.addHook("onRequest", app.authenticate);
  const createLimits = [
    app.limitPerIp({ name: "create-link", max: createPerMinute, windowMs: 60_000 }),
    app.limitPerAccount({ name: "create-link", max: createPerMinute, windowMs: 60_000, key: (request) => String(request.userId) }),
  ];

  // POST /api/urls – shorten a URL
  app.post(
    "/api/urls",
    {
      preHandler: createLimits,
      schema: {
        body: createUrlRequestSchema,
        response: { 201: createdUrlResponseSchema, 403: errorBodySchema, 409: errorBodySchema, 429: errorBodySchema, ...errors },
      },
    },
    async (request, reply) => {
      const link = await links.create(request.userId, request.body, request.hostname);
      return reply.code(201).send(toCreatedUrlResponse(link));
    },
  );

  // POST /api/urls/bulk – up to 100 links at once, a result per item
  app.post(
    "/api/urls/bulk",
    {
      // One request may create a hundred links: it counts against its own, smaller budget.
      preHandler: [
        app.limitPerIp({ name: "bulk-create", max: Math.max(1, Math.floor(createPerMinute / 3)), windowMs: 60_000 }),
        app.limitPerAccount({
          name: "bulk-create",
          max: Math.max(1, Math.floor(createPerMinute / 3)),
          windowMs: 60_000,
          key: (request) => String(request.userId),
        }),
      ],
      schema: { body: bulkCreateRequestSchema, response: { 200: bulkCreateResponseSchema, 429: errorBodySchema, ...errors } },
    },
    async (request) => ({ results: await links.createMany(request.userId, request.body.urls, request.hostname) }),
  );

  // GET /api/urls – the caller's links, newest first
  app.get(
    "/api/urls",
    { schema: { querystring: listUrlsQuerySchema, response: { 200: listUrlsResponseSchema, ...errors } } },
    async (request) => links.list(request.userId, request.query),
  );

  // GET /api/tags – the caller's tags with how many links carry each
  app.get("/api/tags", { schema: { response: { 200: listTagsResponseSchema, ...errors } } }, async (request) => ({
    items: await links.tags(request.userId),
  }));

  // GET /api/urls/:short_code – one of the caller's links, in any state
  app.get(
    "/api/urls/:short_code",
    { schema: { params: shortCodeParamsSchema, response: { 200: linkItemSchema, ...errors } } },
    async (request) => links.get(request.userId, request.params.short_code),
  );

  // PATCH /api/urls/:short_code – change destination, state, expiry or click limit
  app.patch(
    "/api/urls/:short_code",
    {
      schema: { params: shortCodeParamsSchema, body: updateUrlRequestSchema, response: { 200: linkItemSchema, ...errors } },
    },
    async (request) => links.update(request.userId, request.params.short_code, request.body, request.hostname),
  );

  // DELETE /api/urls/:short_code – delete a link and its clicks
  app.delete(
    "/api/urls/:short_code",
    { schema: { params: shortCodeParamsSchema, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await links.remove(request.userId, request.params.short_code);
      return reply.code(204).send(null);
    },
  );

  // GET /api/urls/:short_code/stats – the contract's click statistics
  app.get(
    "/api/urls/:short_code/stats",
    { schema: { params: shortCodeParamsSchema, response: { 200: statsResponseSchema, 410: errorBodySchema, ...errors } } },
    async (request) => links.stats(request.userId, request.params.short_code),
  );
};

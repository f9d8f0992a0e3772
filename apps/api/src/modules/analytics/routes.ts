import {
  analyticsQuerySchema,
  dashboardResponseSchema,
  errorBodySchema,
  linkAnalyticsResponseSchema,
  shortCodeParamsSchema,
} from "@shortly/contract";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { accountCsvRoutes, linkCsvRoutes } from "./csv-routes.js";
import type { AnalyticsService } from "./service.js";

const errors = { 401: errorBodySchema, 404: errorBodySchema, 422: errorBodySchema };

export const analyticsRoutes: FastifyPluginAsyncZod<{ analytics: AnalyticsService }> = async (app, { analytics }) => {
  app.addHook("onRequest", app.authenticate);

  // GET /api/analytics/dashboard – every link of the caller over a range
  app.get(
    "/api/analytics/dashboard",
    { schema: { querystring: analyticsQuerySchema, response: { 200: dashboardResponseSchema, ...errors } } },
    async (request) => analytics.dashboard(request.userId, request.query),
  );

  // Called, not registered: the CSV routes join this plugin, behind its hook, in this order (the OpenAPI document's).
  await accountCsvRoutes(app, { analytics });

  // GET /api/urls/:short_code/analytics – one link's breakdowns, in any state
  app.get(
    "/api/urls/:short_code/analytics",
    {
      schema: {
        params: shortCodeParamsSchema,
        querystring: analyticsQuerySchema,
        response: { 200: linkAnalyticsResponseSchema, ...errors },
      },
    },
    async (request) => analytics.forLink(request.userId, request.params.short_code, request.query),
  );

  await linkCsvRoutes(app, { analytics });
};

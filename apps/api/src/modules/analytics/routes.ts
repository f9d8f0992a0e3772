import {
  analyticsQuerySchema,
  dashboardResponseSchema,
  errorBodySchema,
  linkAnalyticsResponseSchema,
  shortCodeParamsSchema,
} from "@shortly/contract";
import type { FastifyReply } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Readable } from "node:stream";
import type { AnalyticsService } from "./service.js";

const errors = { 401: errorBodySchema, 404: errorBodySchema, 422: errorBodySchema };

function sendCsv(reply: FastifyReply, filename: string, rows: Readable) {
  return reply
    .header("content-type", "text/csv; charset=utf-8")
    .header("content-disposition", `attachment; filename="${filename}"`)
    .header("cache-control", "no-store")
    .send(rows);
}

export const analyticsRoutes: FastifyPluginAsyncZod<{ analytics: AnalyticsService }> = async (app, { analytics }) => {
  app.addHook("onRequest", app.authenticate);

  // GET /api/analytics/dashboard – every link of the caller over a range
  app.get(
    "/api/analytics/dashboard",
    { schema: { querystring: analyticsQuerySchema, response: { 200: dashboardResponseSchema, ...errors } } },
    async (request) => analytics.dashboard(request.userId, request.query),
  );

  // GET /api/analytics/clicks.csv – every click on the caller's links, streamed
  app.get("/api/analytics/clicks.csv", { schema: { querystring: analyticsQuerySchema } }, async (request, reply) =>
    sendCsv(reply, "shortly-clicks.csv", await analytics.exportAccount(request.userId, request.query)),
  );

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

  // GET /api/urls/:short_code/clicks.csv – one link's clicks, streamed
  app.get(
    "/api/urls/:short_code/clicks.csv",
    { schema: { params: shortCodeParamsSchema, querystring: analyticsQuerySchema } },
    async (request, reply) =>
      sendCsv(
        reply,
        `shortly-${request.params.short_code}-clicks.csv`,
        await analytics.exportLink(request.userId, request.params.short_code, request.query),
      ),
  );
};

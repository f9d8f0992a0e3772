import { createReportRequestSchema, createReportResponseSchema, errorBodySchema } from "@shortly/contract";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { ReportsService } from "./reports.js";

const HOUR = 3_600_000;

// POST /api/reports – anyone may report a short link (no account), a few times an hour per address
export const abuseRoutes: FastifyPluginAsyncZod<{ reports: ReportsService; perHour: number }> = async (app, { reports, perHour }) => {
  app.post(
    "/api/reports",
    {
      preHandler: app.limitPerIp({ name: "report", max: perHour, windowMs: HOUR }),
      schema: {
        body: createReportRequestSchema,
        response: { 201: createReportResponseSchema, 404: errorBodySchema, 422: errorBodySchema, 429: errorBodySchema },
      },
    },
    async (request, reply) => reply.code(201).send({ short_code: await reports.report(request.body.link, request.body.reason) }),
  );
};

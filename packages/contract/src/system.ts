import { z } from "zod";

export const healthResponseSchema = z.object({ status: z.literal("ok") });

/**
 * Readiness, part by part. `unavailable` (503): this instance cannot serve
 * (no database, or a schema older than the code). `degraded` (200): it serves,
 * but a part needs an operator; `problems` says which, with figures.
 */
export const apiHealthResponseSchema = z.object({
  status: z.enum(["ok", "degraded", "unavailable"]),
  database: z.enum(["ok", "unreachable"]),
  schema: z.enum(["ok", "behind", "unknown"]),
  pending_migrations: z.array(z.string()),
  redis: z.enum(["ok", "unreachable", "not_configured"]),
  clicks: z.object({
    status: z.enum(["ok", "behind"]),
    /** Clicks answered but not yet stored. */
    pending: z.number().int(),
    oldest_pending_seconds: z.number(),
    writer: z.enum(["running", "restarting"]),
  }),
  problems: z.array(z.string()),
  version: z.string(),
  uptime_seconds: z.number(),
});
export type ApiHealthResponse = z.infer<typeof apiHealthResponseSchema>;

/** What the SPA needs at boot. */
export const appConfigResponseSchema = z.object({
  version: z.string(),
  short_url_base: z.string(),
  free_plan_limit: z.number().int(),
  features: z.object({
    registration: z.boolean(),
    social_login: z.boolean(),
    realtime: z.boolean(),
  }),
});
export type AppConfigResponse = z.infer<typeof appConfigResponseSchema>;

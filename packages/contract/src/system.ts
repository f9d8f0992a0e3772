import { z } from "zod";

export const healthResponseSchema = z.object({ status: z.literal("ok") });

export const apiHealthResponseSchema = z.object({
  status: z.enum(["ok", "unavailable"]),
  database: z.enum(["ok", "unreachable"]),
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

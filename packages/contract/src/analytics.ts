import { z } from "zod";
import { requestDay } from "./date-time.js";

export const ANALYTICS_RANGES = ["7d", "30d", "90d"] as const;
export type AnalyticsRange = (typeof ANALYTICS_RANGES)[number];
/** The longest custom range, so one request cannot ask for decades of zero-filled days. */
export const ANALYTICS_MAX_DAYS = 366;

const dayIndex = (day: string) => Date.parse(`${day}T00:00:00Z`) / 86_400_000;

/**
 * Either a named range ending today (UTC) or an inclusive `from`–`to` pair of
 * UTC days. Nothing given means the last 30 days.
 */
export const analyticsQuerySchema = z
  .object({
    range: z.enum(ANALYTICS_RANGES, { message: "must be one of 7d, 30d, 90d" }).optional(),
    from: requestDay.optional(),
    to: requestDay.optional(),
  })
  .superRefine((q, ctx) => {
    if (q.range && (q.from || q.to)) {
      ctx.addIssue({ code: "custom", path: ["range"], message: "give either range or from and to, not both" });
    } else if (!q.from !== !q.to) {
      ctx.addIssue({ code: "custom", path: [q.from ? "to" : "from"], message: "from and to go together" });
    } else if (q.from && q.to && requestDay.safeParse(q.from).success && requestDay.safeParse(q.to).success) {
      const span = dayIndex(q.to) - dayIndex(q.from) + 1;
      if (span < 1) ctx.addIssue({ code: "custom", path: ["to"], message: "to must not be before from" });
      else if (span > ANALYTICS_MAX_DAYS)
        ctx.addIssue({ code: "custom", path: ["to"], message: `a range spans at most ${ANALYTICS_MAX_DAYS} days` });
    }
  });
export type AnalyticsQuery = z.input<typeof analyticsQuerySchema>;

/** One value of a breakdown; `value` is null when unknown (a direct visit, an unlocated IP). */
export const breakdownItemSchema = z.object({ value: z.string().nullable(), clicks: z.number().int() });
export type BreakdownItem = z.infer<typeof breakdownItemSchema>;

export const cityItemSchema = z.object({ country: z.string(), city: z.string(), clicks: z.number().int() });

export const analyticsDaySchema = z.object({
  date: z.string(),
  /** Human clicks; bots are in bot_clicks. */
  clicks: z.number().int(),
  visitors: z.number().int(),
  bot_clicks: z.number().int(),
});
export type AnalyticsDay = z.infer<typeof analyticsDaySchema>;

/** Human clicks only in every breakdown; bots are counted apart. */
export const linkAnalyticsResponseSchema = z.object({
  from: z.string(),
  to: z.string(),
  total_clicks: z.number().int(),
  /** Sum of each day's distinct visitors (visitor keys change daily by design). */
  unique_visitors: z.number().int(),
  bot_clicks: z.number().int(),
  /** Every day of the range, oldest first, zero-filled. */
  by_date: z.array(analyticsDaySchema),
  referrers: z.array(breakdownItemSchema),
  countries: z.array(breakdownItemSchema),
  cities: z.array(cityItemSchema),
  browsers: z.array(breakdownItemSchema),
  os: z.array(breakdownItemSchema),
  devices: z.array(breakdownItemSchema),
});
export type LinkAnalyticsResponse = z.infer<typeof linkAnalyticsResponseSchema>;

export const topLinkSchema = z.object({ code: z.string(), long_url: z.string(), clicks: z.number().int() });
export type TopLink = z.infer<typeof topLinkSchema>;

export const dashboardResponseSchema = linkAnalyticsResponseSchema.extend({
  top_links: z.array(topLinkSchema),
});
export type DashboardResponse = z.infer<typeof dashboardResponseSchema>;

/** How many entries each top list holds. */
export const ANALYTICS_TOP_N = 10;

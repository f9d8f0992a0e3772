import type { AnalyticsRange } from "@shortly/contract";

// Query keys for analytics, so live clicks can update every cached range at once.
export const analyticsKeys = {
  all: ["analytics"] as const,
  dashboards: ["analytics", "dashboard"] as const,
  dashboard: (range: AnalyticsRange) => ["analytics", "dashboard", range] as const,
  links: (code: string) => ["analytics", "link", code] as const,
  link: (code: string, range: AnalyticsRange) => ["analytics", "link", code, range] as const,
};

import type { LinkAnalyticsResponse } from "@shortly/contract";

type Breakdowns = Pick<LinkAnalyticsResponse, "referrers" | "countries" | "cities" | "browsers" | "os" | "devices">;

/** Every breakdown list of an analytics response, empty: tests fill in the ones they need. */
export const emptyBreakdowns = (): Breakdowns => ({ referrers: [], countries: [], cities: [], browsers: [], os: [], devices: [] });

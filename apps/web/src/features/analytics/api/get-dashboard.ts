import { dashboardResponseSchema, type AnalyticsRange } from "@shortly/contract";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiFetch } from "../../../lib/api-client";
import { analyticsKeys } from "./analytics-keys";

export const useDashboard = (range: AnalyticsRange) =>
  useQuery({
    queryKey: analyticsKeys.dashboard(range),
    queryFn: ({ signal }) => apiFetch(`/api/analytics/dashboard?range=${range}`, { schema: dashboardResponseSchema, signal }),
    // Switching ranges keeps the old numbers on screen until the new ones arrive.
    placeholderData: keepPreviousData,
  });

import { linkAnalyticsResponseSchema, type AnalyticsRange } from "@shortly/contract";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiFetch } from "../../../lib/api-client";
import { analyticsKeys } from "./analytics-keys";

export const useLinkAnalytics = (code: string, range: AnalyticsRange) =>
  useQuery({
    queryKey: analyticsKeys.link(code, range),
    queryFn: ({ signal }) =>
      apiFetch(`/api/urls/${encodeURIComponent(code)}/analytics?range=${range}`, { schema: linkAnalyticsResponseSchema, signal }),
    placeholderData: keepPreviousData,
  });

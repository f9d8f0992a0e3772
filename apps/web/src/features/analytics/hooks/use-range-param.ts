import { ANALYTICS_RANGES, type AnalyticsRange } from "@shortly/contract";
import { useSearchParams } from "react-router";

const isRange = (value: string | null): value is AnalyticsRange => ANALYTICS_RANGES.includes(value as AnalyticsRange);

/** The analytics range kept in the URL (`?range=`), so a view can be shared or bookmarked; 30 days by default. */
export function useRangeParam(): [AnalyticsRange, (range: AnalyticsRange) => void] {
  const [params, setParams] = useSearchParams();
  const value = params.get("range");
  return [isRange(value) ? value : "30d", (range) => setParams({ range }, { replace: true })];
}

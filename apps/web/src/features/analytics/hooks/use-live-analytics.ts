import type { DashboardResponse, LinkAnalyticsResponse, LiveClick } from "@shortly/contract";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { analyticsKeys } from "../api/analytics-keys";
import { applyLiveToDashboard, applyLiveToLink } from "../utils/apply-live-clicks";
import { useLiveClicks, type LiveStatus } from "./use-live-clicks";

const FEED_SIZE = 20;
/** After a burst of live clicks, refetch once so visitors and breakdowns catch up. */
const RECONCILE_AFTER_MS = 5_000;

/**
 * Live clicks for the dashboard (every link) or one link's page: the cached
 * analytics are updated in place, so counters and the chart move without a
 * reload, and the newest clicks are kept for the feed.
 */
export function useLiveAnalytics(code: string | null = null): { status: LiveStatus; feed: LiveClick[] } {
  const queryClient = useQueryClient();
  const [feed, setFeed] = useState<LiveClick[]>([]);
  const reconcile = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => void (reconcile.current && clearTimeout(reconcile.current)), []);

  const status = useLiveClicks((batch) => {
    const mine = code ? batch.clicks.filter((c) => c.code === code) : batch.clicks;
    if (mine.length === 0) return;
    setFeed((current) => [...mine.slice().reverse(), ...current].slice(0, FEED_SIZE));
    if (code) {
      queryClient.setQueriesData<LinkAnalyticsResponse>(
        { queryKey: analyticsKeys.links(code) },
        (d) => d && applyLiveToLink(d, code, batch),
      );
    } else {
      queryClient.setQueriesData<DashboardResponse>({ queryKey: analyticsKeys.dashboards }, (d) => d && applyLiveToDashboard(d, batch));
    }
    reconcile.current ??= setTimeout(() => {
      reconcile.current = null;
      void queryClient.invalidateQueries({ queryKey: analyticsKeys.all });
    }, RECONCILE_AFTER_MS);
  });
  return { status, feed };
}

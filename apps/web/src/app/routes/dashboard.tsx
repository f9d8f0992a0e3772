import { Link } from "react-router";
import { Alert } from "../../components/ui/alert";
import { Button } from "../../components/ui/button";
import { EmptyState } from "../../components/ui/empty-state";
import { Spinner } from "../../components/ui/spinner";
import { paths } from "../../config/paths";
import { useDashboard } from "../../features/analytics/api/get-dashboard";
import { Breakdowns } from "../../features/analytics/components/breakdowns";
import { ExportCsvButton } from "../../features/analytics/components/export-csv-button";
import { HeadlineNumbers } from "../../features/analytics/components/headline-numbers";
import { LiveFeed } from "../../features/analytics/components/live-feed";
import { RangePicker } from "../../features/analytics/components/range-picker";
import { TopList } from "../../features/analytics/components/top-list";
import { TrafficChart } from "../../features/analytics/components/traffic-chart";
import { useLiveAnalytics } from "../../features/analytics/hooks/use-live-analytics";
import { useRangeParam } from "../../features/analytics/hooks/use-range-param";
import { useDocumentTitle } from "../../lib/use-document-title";

/** The account's analytics: the page after login. The range lives in the URL, so a view can be shared or bookmarked. */
export function DashboardRoute() {
  useDocumentTitle("Dashboard");
  const [range, setRange] = useRangeParam();
  const dashboard = useDashboard(range);
  const live = useLiveAnalytics();

  return (
    <div className="stack-lg">
      <div className="page-head">
        <h1>Dashboard</h1>
        <div className="row">
          <RangePicker value={range} onChange={setRange} />
          <ExportCsvButton />
        </div>
      </div>
      {dashboard.isPending && <Spinner label="Loading your analytics…" />}
      {dashboard.isError && (
        <Alert
          action={
            <Button variant="secondary" size="sm" onClick={() => void dashboard.refetch()}>
              Try again
            </Button>
          }
        >
          Your analytics could not be loaded. {dashboard.error.message}
        </Alert>
      )}
      {dashboard.data && (
        <>
          <HeadlineNumbers data={dashboard.data} />
          <section className="card stack" aria-labelledby="traffic-title">
            <div className="stat-head">
              <h2 id="traffic-title">Traffic</h2>
              <span className="muted small">
                {dashboard.data.from} to {dashboard.data.to} (UTC)
              </span>
            </div>
            <TrafficChart days={dashboard.data.by_date} />
          </section>
          {dashboard.data.total_clicks + dashboard.data.bot_clicks === 0 && (
            <EmptyState title="No clicks in this range yet">
              <p>
                Share one of <Link to={paths.links}>your short links</Link>; every visit shows up here, live.
              </p>
            </EmptyState>
          )}
          <div className="two-columns">
            <TopList
              title="Top links"
              items={dashboard.data.top_links.map((l) => ({
                key: l.code,
                label: (
                  <Link to={paths.link(l.code)} className="mono">
                    /{l.code}
                  </Link>
                ),
                clicks: l.clicks,
              }))}
            />
            <LiveFeed clicks={live.feed} status={live.status} />
          </div>
          <Breakdowns data={dashboard.data} />
        </>
      )}
    </div>
  );
}

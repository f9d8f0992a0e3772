import { Link, useParams } from "react-router";
import { Alert } from "../../components/ui/alert";
import { Spinner } from "../../components/ui/spinner";
import { paths } from "../../config/paths";
import { useLinkAnalytics } from "../../features/analytics/api/get-link-analytics";
import { Breakdowns } from "../../features/analytics/components/breakdowns";
import { ExportCsvButton } from "../../features/analytics/components/export-csv-button";
import { HeadlineNumbers } from "../../features/analytics/components/headline-numbers";
import { LiveFeed } from "../../features/analytics/components/live-feed";
import { RangePicker } from "../../features/analytics/components/range-picker";
import { TrafficChart } from "../../features/analytics/components/traffic-chart";
import { useLiveAnalytics } from "../../features/analytics/hooks/use-live-analytics";
import { useRangeParam } from "../../features/analytics/hooks/use-range-param";
import { useLink } from "../../features/links/api/get-link";
import { useStats } from "../../features/links/api/get-stats";
import { ClicksTable } from "../../features/links/components/clicks-table";
import { LinkDetails } from "../../features/links/components/link-details";
import { LinkForwardingForm } from "../../features/links/components/link-forwarding-form";
import { LinkPasswordForm } from "../../features/links/components/link-password-form";
import { ApiError } from "../../lib/api-error";
import { formatNumber } from "../../lib/format";
import { useDocumentTitle } from "../../lib/use-document-title";

const statusOf = (error: unknown) => (error instanceof ApiError ? error.status : 0);

export function LinkStatsRoute() {
  const { code = "" } = useParams();
  useDocumentTitle(`Stats for /${code}`);
  const [range, setRange] = useRangeParam();
  const link = useLink(code);
  const stats = useStats(code);
  const analytics = useLinkAnalytics(code, range);
  const live = useLiveAnalytics(code);

  if (link.isPending) return <Spinner label="Loading statistics…" />;
  if (link.isError) {
    const missing = [404, 422].includes(statusOf(link.error));
    return (
      <section className="narrow center">
        <p className="eyebrow">{missing ? "404" : "Error"}</p>
        <h1>{missing ? "We couldn't find that link" : "Statistics could not be loaded"}</h1>
        <p className="muted">
          {missing
            ? `There is no link /${code} in your account. It may have been deleted, or the address is mistyped.`
            : link.error.message}
        </p>
        <Link to={paths.links} className="btn btn-primary">
          Back to your links
        </Link>
      </section>
    );
  }

  const item = link.data;
  return (
    <div className="stack-lg">
      <div className="page-head">
        <div>
          <Link to={paths.links} className="back-link">
            ← All links
          </Link>
          <h1>
            Stats for <span className="mono">/{item.short_code}</span>
          </h1>
        </div>
        <ExportCsvButton code={item.short_code} />
      </div>
      {stats.isPending && <Spinner label="Counting clicks…" />}
      {stats.isError && statusOf(stats.error) === 410 && (
        <Alert tone="warning">
          <strong>This link has expired or reached its click limit</strong>, so it no longer redirects and its statistics are closed. It
          received {formatNumber(item.total_clicks)} clicks. Change its expiry or limit on the links page to reopen it.
        </Alert>
      )}
      {stats.isError && statusOf(stats.error) === 404 && (
        <Alert tone="info">
          <strong>This link is disabled.</strong> It does not redirect and its statistics are hidden until you enable it again on the links
          page. It has {formatNumber(item.total_clicks)} recorded clicks.
        </Alert>
      )}
      {stats.isError && ![404, 410].includes(statusOf(stats.error)) && <Alert>{stats.error.message}</Alert>}
      {stats.data && (
        <section className="card stack" aria-labelledby="clicks-title">
          <div className="stat-head">
            <h2 id="clicks-title">Redirects</h2>
            <p className="big-number" data-testid="total-clicks">
              {formatNumber(stats.data.total_clicks)}
              <span className="muted small"> total</span>
            </p>
          </div>
          <p className="muted small">
            Every visit the link answered, bots and link previews included. A click limit counts people’s visits only.
          </p>
          <details>
            <summary>Redirects per day</summary>
            <ClicksTable byDate={stats.data.by_date} />
          </details>
        </section>
      )}
      <section className="stack" aria-labelledby="analytics-title">
        <div className="page-head">
          <h2 id="analytics-title">Analytics</h2>
          <RangePicker value={range} onChange={setRange} />
        </div>
        {analytics.isPending && <Spinner label="Loading analytics…" />}
        {analytics.isError && <Alert>{analytics.error.message}</Alert>}
        {analytics.data && (
          <>
            <HeadlineNumbers data={analytics.data} />
            <div className="card">
              <TrafficChart days={analytics.data.by_date} />
            </div>
            <LiveFeed clicks={live.feed} status={live.status} />
            <Breakdowns data={analytics.data} />
          </>
        )}
      </section>
      <section aria-labelledby="details-title" className="stack">
        <h2 id="details-title">Details</h2>
        <LinkDetails link={item} />
        <LinkPasswordForm link={item} />
        <LinkForwardingForm key={`${item.forward_query}${item.forward_path}${item.redirect_type}`} link={item} />
      </section>
    </div>
  );
}

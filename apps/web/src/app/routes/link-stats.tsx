import { Link, useParams } from "react-router";
import { Alert } from "../../components/ui/alert";
import { Spinner } from "../../components/ui/spinner";
import { paths } from "../../config/paths";
import { useLink } from "../../features/links/api/get-link";
import { useStats } from "../../features/links/api/get-stats";
import { ClicksChart } from "../../features/links/components/clicks-chart";
import { ClicksTable } from "../../features/links/components/clicks-table";
import { LinkDetails } from "../../features/links/components/link-details";
import { zeroFillDays } from "../../features/links/utils/zero-fill";
import { ApiError } from "../../lib/api-error";
import { formatNumber } from "../../lib/format";
import { useDocumentTitle } from "../../lib/use-document-title";

const statusOf = (error: unknown) => (error instanceof ApiError ? error.status : 0);

export function LinkStatsRoute() {
  const { code = "" } = useParams();
  useDocumentTitle(`Stats for /${code}`);
  const link = useLink(code);
  const stats = useStats(code);

  if (link.isPending) return <Spinner label="Loading statistics…" />;
  if (link.isError) {
    const missing = [404, 422].includes(statusOf(link.error));
    return (
      <section className="narrow center">
        <p className="eyebrow">{missing ? "404" : "Error"}</p>
        <h1>{missing ? "We couldn't find that link" : "Statistics could not be loaded"}</h1>
        <p className="muted">
          {missing ? `There is no link /${code} in your account. It may have been deleted, or the address is mistyped.` : link.error.message}
        </p>
        <Link to={paths.dashboard} className="btn btn-primary">
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
          <Link to={paths.dashboard} className="back-link">
            ← All links
          </Link>
          <h1>
            Stats for <span className="mono">/{item.short_code}</span>
          </h1>
        </div>
      </div>
      {stats.isPending && <Spinner label="Counting clicks…" />}
      {stats.isError && statusOf(stats.error) === 410 && (
        <Alert tone="warning">
          <strong>This link has expired or reached its click limit</strong>, so it no longer redirects and its statistics are closed.
          It received {formatNumber(item.total_clicks)} clicks. Change its expiry or limit from the dashboard to reopen it.
        </Alert>
      )}
      {stats.isError && statusOf(stats.error) === 404 && (
        <Alert tone="info">
          <strong>This link is disabled.</strong> It does not redirect and its statistics are hidden until you enable it again on the
          dashboard. It has {formatNumber(item.total_clicks)} recorded clicks.
        </Alert>
      )}
      {stats.isError && ![404, 410].includes(statusOf(stats.error)) && <Alert>{stats.error.message}</Alert>}
      {stats.data && (
        <section className="card stack" aria-labelledby="clicks-title">
          <div className="stat-head">
            <h2 id="clicks-title">Clicks</h2>
            <p className="big-number" data-testid="total-clicks">
              {formatNumber(stats.data.total_clicks)}
              <span className="muted small"> total</span>
            </p>
          </div>
          <ClicksChart days={zeroFillDays(stats.data.by_date, new Date(item.created_at), new Date())} />
          <ClicksTable byDate={stats.data.by_date} />
        </section>
      )}
      <section aria-labelledby="details-title" className="stack">
        <h2 id="details-title">Details</h2>
        <LinkDetails link={item} />
      </section>
    </div>
  );
}

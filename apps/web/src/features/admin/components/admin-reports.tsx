import { Alert } from "../../../components/ui/alert";
import { Button } from "../../../components/ui/button";
import { Spinner } from "../../../components/ui/spinner";
import { formatDateTime } from "../../../lib/format";
import { useUpdateLink } from "../api/mutations";
import { useReports } from "../api/queries";

/** Visitors' reports, newest first, with the link's state; a reported link can be blocked from here. */
export function AdminReports() {
  const reports = useReports();
  const update = useUpdateLink();
  if (reports.isPending) return <Spinner label="Loading reports…" />;
  if (reports.isError) return <Alert>{reports.error.message}</Alert>;
  if (reports.data.items.length === 0) return <p className="muted">No reports.</p>;
  return (
    <div className="stack">
      {update.isError && <Alert>{update.error.message}</Alert>}
      <ul className="stack report-list">
        {reports.data.items.map((r) => (
          <li key={r.id} className="card stack">
            <p>
              <strong className="mono">/{r.short_code}</strong> → <span className="break">{r.long_url}</span>
            </p>
            <p className="muted small">
              Reported {formatDateTime(r.created_at)} · {r.blocked ? "blocked" : r.link_state.replace("_", " ")}
            </p>
            <blockquote>{r.reason}</blockquote>
            {!r.blocked && (
              <div>
                <Button
                  variant="danger"
                  size="sm"
                  busy={update.isPending && update.variables?.code === r.short_code}
                  onClick={() =>
                    update.mutate({ code: r.short_code, changes: { blocked: true, reason: `report: ${r.reason}`.slice(0, 500) } })
                  }
                >
                  Block /{r.short_code}
                </Button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

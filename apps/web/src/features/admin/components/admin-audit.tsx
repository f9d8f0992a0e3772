import { Alert } from "../../../components/ui/alert";
import { Spinner } from "../../../components/ui/spinner";
import { formatDateTime } from "../../../lib/format";
import { useAudit } from "../api/queries";

/** Every admin action, newest first. */
export function AdminAudit() {
  const audit = useAudit();
  if (audit.isPending) return <Spinner label="Loading the audit log…" />;
  if (audit.isError) return <Alert>{audit.error.message}</Alert>;
  if (audit.data.items.length === 0) return <p className="muted">No admin action yet.</p>;
  return (
    <div className="table-scroll">
      <table className="data-table links-table">
        <caption className="visually-hidden">Audit log</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
            <th scope="col">Target</th>
            <th scope="col">Reason</th>
          </tr>
        </thead>
        <tbody>
          {audit.data.items.map((e) => (
            <tr key={e.id}>
              <td data-label="When">{formatDateTime(e.created_at)}</td>
              <td data-label="Who" className="break">
                {e.actor_email}
              </td>
              <td data-label="What" className="mono">
                {e.action}
              </td>
              <td data-label="Target" className="mono break">
                {e.target}
              </td>
              <td data-label="Reason">{e.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

import { useDeferredValue, useState, type FormEvent } from "react";
import { Alert } from "../../../components/ui/alert";
import { Button } from "../../../components/ui/button";
import { Spinner } from "../../../components/ui/spinner";
import { TextField } from "../../../components/ui/text-field";
import { formatDate } from "../../../lib/format";
import { useBlockHost, useUnblockHost } from "../api/mutations";
import { useBlockedHosts } from "../api/queries";
import { SearchBox } from "./search-box";

/** Destinations no link may point to (a host blocks its subdomains); blocking stops existing links at once. */
export function BlockedHosts() {
  const [q, setQ] = useState("");
  const hosts = useBlockedHosts(useDeferredValue(q.trim()));
  const block = useBlockHost();
  const unblock = useUnblockHost();
  const [host, setHost] = useState("");
  const [reason, setReason] = useState("");

  const submit = (event: FormEvent) => {
    event.preventDefault();
    block.mutate({ host, reason }, { onSuccess: () => (setHost(""), setReason("")) });
  };

  return (
    <div className="stack">
      <form className="filters-row" onSubmit={submit} aria-label="Block a host">
        <TextField
          className="grow"
          label="Host or URL"
          value={host}
          required
          placeholder="phish.example"
          onChange={(e) => setHost(e.target.value)}
        />
        <TextField className="grow" label="Reason" value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
        <Button type="submit" variant="danger" busy={block.isPending} disabled={!host.trim()}>
          Block host
        </Button>
      </form>
      {(block.error ?? unblock.error) && <Alert>{(block.error ?? unblock.error)!.message}</Alert>}
      <div className="filters-row">
        <SearchBox label="Search blocked hosts" value={q} onChange={setQ} />
      </div>
      {hosts.isPending && <Spinner label="Loading blocked hosts…" />}
      {hosts.isError && <Alert>{hosts.error.message}</Alert>}
      {hosts.data && hosts.data.items.length === 0 && (
        <p className="muted">{q.trim() ? "No blocked host matches." : "No host is blocked."}</p>
      )}
      {hosts.data && hosts.data.total > hosts.data.items.length && (
        <p className="muted">
          Showing the newest {hosts.data.items.length} of {hosts.data.total} blocked hosts; search to find the others.
        </p>
      )}
      {hosts.data && hosts.data.items.length > 0 && (
        <table className="data-table links-table">
          <caption className="visually-hidden">Blocked hosts ({hosts.data.total})</caption>
          <thead>
            <tr>
              <th scope="col">Host</th>
              <th scope="col">Reason</th>
              <th scope="col">Since</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {hosts.data.items.map((h) => (
              <tr key={h.host}>
                <td data-label="Host" className="mono break">
                  {h.host}
                </td>
                <td data-label="Reason">{h.reason}</td>
                <td data-label="Since">{formatDate(h.created_at)}</td>
                <td>
                  <Button variant="ghost" size="sm" onClick={() => unblock.mutate(h.host)}>
                    Unblock<span className="visually-hidden"> {h.host}</span>
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

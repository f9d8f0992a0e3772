import { useDeferredValue, useState } from "react";
import { Alert } from "../../../components/ui/alert";
import { Button } from "../../../components/ui/button";
import { Spinner } from "../../../components/ui/spinner";
import { formatNumber } from "../../../lib/format";
import { useUpdateLink } from "../api/mutations";
import { useAdminLinks } from "../api/queries";
import { ReasonField } from "./reason-field";
import { SearchBox } from "./search-box";

/** Every account's links: search by code, destination or owner; block or unblock with a reason. */
export function AdminLinks({ initialQuery = "" }: { initialQuery?: string }) {
  const [q, setQ] = useState(initialQuery);
  const [reason, setReason] = useState("");
  const links = useAdminLinks(useDeferredValue(q.trim()));
  const update = useUpdateLink();

  return (
    <div className="stack">
      <div className="filters-row">
        <SearchBox label="Search links by code, destination or owner" value={q} onChange={setQ} />
        <ReasonField value={reason} onChange={setReason} />
      </div>
      {update.isError && <Alert>{update.error.message}</Alert>}
      {links.isPending && <Spinner label="Loading links…" />}
      {links.isError && <Alert>{links.error.message}</Alert>}
      {links.data && (
        <div className="table-scroll">
          <table className="data-table links-table">
            <caption className="visually-hidden">Links ({links.data.total})</caption>
            <thead>
              <tr>
                <th scope="col">Code</th>
                <th scope="col">Destination</th>
                <th scope="col">Owner</th>
                <th scope="col">State</th>
                <th scope="col" className="num">
                  Clicks
                </th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {links.data.items.map((l) => (
                <tr key={l.short_code}>
                  <td data-label="Code" className="mono">
                    /{l.short_code}
                  </td>
                  <td data-label="Destination" className="destination">
                    <span className="truncate" title={l.long_url}>
                      {l.long_url}
                    </span>
                  </td>
                  <td data-label="Owner" className="break">
                    {l.owner_email}
                  </td>
                  <td data-label="State">{l.blocked ? <span className="danger-text">Blocked</span> : l.state.replace("_", " ")}</td>
                  <td data-label="Clicks" className="num">
                    {formatNumber(l.total_clicks)}
                  </td>
                  <td>
                    <Button
                      variant={l.blocked ? "secondary" : "danger"}
                      size="sm"
                      busy={update.isPending && update.variables?.code === l.short_code}
                      onClick={() =>
                        update.mutate({
                          code: l.short_code,
                          changes: { blocked: !l.blocked, ...(reason.trim() && { reason: reason.trim() }) },
                        })
                      }
                    >
                      {l.blocked ? "Unblock" : "Block"}
                      <span className="visually-hidden"> /{l.short_code}</span>
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

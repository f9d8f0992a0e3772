import { useDeferredValue, useState } from "react";
import { Alert } from "../../../components/ui/alert";
import { Button } from "../../../components/ui/button";
import { Spinner } from "../../../components/ui/spinner";
import { formatDate } from "../../../lib/format";
import { useUpdateUser } from "../api/mutations";
import { useAdminUsers } from "../api/queries";
import { ReasonField } from "./reason-field";
import { SearchBox } from "./search-box";

/** Accounts: search by email, change the plan, disable or enable with a reason. */
export function AdminUsers() {
  const [q, setQ] = useState("");
  const [reason, setReason] = useState("");
  const users = useAdminUsers(useDeferredValue(q.trim()));
  const update = useUpdateUser();
  const act = (id: number, changes: { plan?: "free" | "pro"; is_active?: boolean }) =>
    update.mutate({ id, changes: { ...changes, ...(reason.trim() && { reason: reason.trim() }) } });

  return (
    <div className="stack">
      <div className="filters-row">
        <SearchBox label="Search accounts by email" value={q} onChange={setQ} />
        <ReasonField value={reason} onChange={setReason} />
      </div>
      {update.isError && <Alert>{update.error.message}</Alert>}
      {users.isPending && <Spinner label="Loading accounts…" />}
      {users.isError && <Alert>{users.error.message}</Alert>}
      {users.data && (
        <div className="table-scroll">
          <table className="data-table links-table">
            <caption className="visually-hidden">Accounts ({users.data.total})</caption>
            <thead>
              <tr>
                <th scope="col">Email</th>
                <th scope="col">Plan</th>
                <th scope="col">Status</th>
                <th scope="col" className="num">
                  Links
                </th>
                <th scope="col">Last login</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {users.data.items.map((u) => (
                <tr key={u.id}>
                  <td data-label="Email" className="break">
                    {u.email} {u.role === "admin" && <span className="badge badge-password">Admin</span>}
                  </td>
                  <td data-label="Plan" className="capitalize">
                    {u.plan}
                  </td>
                  <td data-label="Status">{u.is_active ? "Active" : <span className="danger-text">Disabled</span>}</td>
                  <td data-label="Links" className="num">
                    {u.link_count}
                  </td>
                  <td data-label="Last login">{u.last_login_at ? formatDate(u.last_login_at) : "Never"}</td>
                  <td>
                    <div className="actions">
                      <Button variant="secondary" size="sm" onClick={() => act(u.id, { plan: u.plan === "pro" ? "free" : "pro" })}>
                        {u.plan === "pro" ? "Move to free" : "Move to pro"}
                        <span className="visually-hidden"> {u.email}</span>
                      </Button>
                      <Button
                        variant="ghost"
                        size="sm"
                        className={u.is_active ? "danger-text" : ""}
                        onClick={() => act(u.id, { is_active: !u.is_active })}
                      >
                        {u.is_active ? "Disable" : "Enable"}
                        <span className="visually-hidden"> {u.email}</span>
                      </Button>
                    </div>
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

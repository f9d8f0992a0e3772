import { REDIRECT_TYPES, type LinkItem, type RedirectType } from "@shortly/contract";
import { useId, useState, type FormEvent } from "react";
import { Alert } from "../../../components/ui/alert";
import { Button } from "../../../components/ui/button";
import { useUpdateLink } from "../api/update-link";

const TYPE_LABELS: Record<RedirectType, string> = {
  302: "302 Found (temporary, the default)",
  307: "307 Temporary Redirect (keeps the method)",
  301: "301 Moved Permanently",
  308: "308 Permanent Redirect (keeps the method)",
};

/** How visits are forwarded: the visitor's query and extra path, and the redirect's status. */
export function LinkForwardingForm({ link }: { link: LinkItem }) {
  const update = useUpdateLink();
  const ids = { heading: useId(), type: useId(), warning: useId() };
  const [forwardQuery, setForwardQuery] = useState(link.forward_query);
  const [forwardPath, setForwardPath] = useState(link.forward_path);
  const [type, setType] = useState<RedirectType>(link.redirect_type);
  const permanent = type === 301 || type === 308;
  const changed = forwardQuery !== link.forward_query || forwardPath !== link.forward_path || type !== link.redirect_type;

  const save = (event: FormEvent) => {
    event.preventDefault();
    update.mutate({ code: link.short_code, changes: { forward_query: forwardQuery, forward_path: forwardPath, redirect_type: type } });
  };

  return (
    <form className="card stack" aria-labelledby={ids.heading} onSubmit={save}>
      <h3 id={ids.heading}>Forwarding</h3>
      <label className="row">
        <input type="checkbox" checked={forwardQuery} onChange={(e) => setForwardQuery(e.target.checked)} /> Add the visitor&apos;s query
        string to the destination (<span className="mono">?utm_source=…</span>); the destination&apos;s own values win
      </label>
      <label className="row">
        <input type="checkbox" checked={forwardPath} onChange={(e) => setForwardPath(e.target.checked)} /> Forward extra path:{" "}
        <span className="mono">/{link.short_code}/docs/intro</span> goes to the destination&apos;s path plus{" "}
        <span className="mono">/docs/intro</span>
      </label>
      <div className="field">
        <label htmlFor={ids.type}>Redirect type</label>
        <select
          id={ids.type}
          value={type}
          aria-describedby={permanent ? ids.warning : undefined}
          onChange={(e) => setType(Number(e.target.value) as RedirectType)}
        >
          {REDIRECT_TYPES.map((t) => (
            <option key={t} value={t}>
              {TYPE_LABELS[t]}
            </option>
          ))}
        </select>
      </div>
      {permanent && (
        <Alert tone="warning">
          <span id={ids.warning}>
            Browsers remember permanent redirects: later visits from the same browser may go straight to the destination without reaching
            Shortly, so they are not counted and a change of destination does not reach them.
          </span>
        </Alert>
      )}
      {update.isError && <Alert>{update.error.message}</Alert>}
      <div>
        <Button type="submit" busy={update.isPending} disabled={!changed}>
          Save forwarding
        </Button>
      </div>
    </form>
  );
}

import { useSearchParams } from "react-router";
import { Spinner } from "../../components/ui/spinner";
import { AdminAudit } from "../../features/admin/components/admin-audit";
import { AdminLinks } from "../../features/admin/components/admin-links";
import { AdminReports } from "../../features/admin/components/admin-reports";
import { AdminUsers } from "../../features/admin/components/admin-users";
import { BlockedHosts } from "../../features/admin/components/blocked-hosts";
import { useMe } from "../../features/auth/api/get-me";
import { useDocumentTitle } from "../../lib/use-document-title";
import { NotFoundRoute } from "./not-found";

const TABS = {
  users: ["Users", AdminUsers],
  links: ["Links", AdminLinks],
  hosts: ["Blocked hosts", BlockedHosts],
  reports: ["Reports", AdminReports],
  audit: ["Audit log", AdminAudit],
} as const;
type Tab = keyof typeof TABS;

/** The operators' console. Anyone but an admin sees the not-found page; the API refuses them regardless. */
export function AdminRoute() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const tab: Tab = (Object.keys(TABS) as Tab[]).find((t) => t === params.get("tab")) ?? "users";
  useDocumentTitle(me.data?.role === "admin" ? `Admin · ${TABS[tab][0]}` : "Page not found");

  if (me.isPending) return <Spinner label="Loading…" />;
  if (me.data?.role !== "admin") return <NotFoundRoute />;
  const Section = TABS[tab][1];
  return (
    <div className="stack-lg">
      <h1>Admin</h1>
      <nav aria-label="Admin sections" className="segmented admin-tabs">
        {(Object.keys(TABS) as Tab[]).map((t) => (
          <button
            key={t}
            type="button"
            className="segment"
            aria-current={t === tab ? "page" : undefined}
            onClick={() => setParams({ tab: t })}
          >
            {TABS[t][0]}
          </button>
        ))}
      </nav>
      <section aria-label={TABS[tab][0]}>
        <Section />
      </section>
    </div>
  );
}

import type { CreatedUrlResponse } from "@shortly/contract";
import { useState } from "react";
import { useSearchParams } from "react-router";
import { Alert } from "../../components/ui/alert";
import { Button } from "../../components/ui/button";
import { Spinner } from "../../components/ui/spinner";
import { useMe } from "../../features/auth/api/get-me";
import { ImportLinks } from "../../features/links/components/import-links";
import { useLinkCount, useLinks } from "../../features/links/api/get-links";
import { CreateLinkForm } from "../../features/links/components/create-link-form";
import { LinkFilters } from "../../features/links/components/link-filters";
import { LinkList } from "../../features/links/components/link-list";
import { NewLinkCard } from "../../features/links/components/new-link-card";
import { PlanUsage } from "../../features/links/components/plan-usage";
import { useLinkView } from "../../features/links/hooks/use-link-view";
import { useDocumentTitle } from "../../lib/use-document-title";

export function LinksRoute() {
  useDocumentTitle("Links");
  const [params] = useSearchParams();
  const { view, setView, filtered, clear } = useLinkView();
  const [created, setCreated] = useState<CreatedUrlResponse | null>(null);
  const links = useLinks(view);
  const count = useLinkCount();
  const me = useMe();

  return (
    <div className="stack-lg">
      <div className="page-head">
        <h1>Your links</h1>
        {count.data !== undefined && me.data && <PlanUsage used={count.data} limit={me.data.link_limit} plan={me.data.plan} />}
      </div>
      <CreateLinkForm initialUrl={params.get("url") ?? ""} onCreated={setCreated} />
      {created && <NewLinkCard link={created} />}
      <ImportLinks />
      <section aria-labelledby="links-title" className="stack">
        <h2 id="links-title">All links</h2>
        <LinkFilters view={view} filtered={filtered} onChange={setView} onClear={clear} />
        {links.isPending && <Spinner label="Loading your links…" />}
        {links.isError && (
          <Alert
            action={
              <Button variant="secondary" size="sm" onClick={() => void links.refetch()}>
                Try again
              </Button>
            }
          >
            Your links could not be loaded. {links.error.message}
          </Alert>
        )}
        {links.data && (
          <LinkList
            data={links.data}
            page={view.page}
            onPageChange={(page) => setView({ ...view, page })}
            filtered={filtered}
            onClearFilters={clear}
            onTag={(tag) => setView({ tag })}
          />
        )}
      </section>
    </div>
  );
}

import { Alert } from "../../components/ui/alert";
import { Button } from "../../components/ui/button";
import { Spinner } from "../../components/ui/spinner";
import { ApiKeyList } from "../../features/api-keys/components/api-key-list";
import { NewApiKeyForm } from "../../features/api-keys/components/new-api-key-form";
import { useMe } from "../../features/auth/api/get-me";
import { useLogout } from "../../features/auth/api/logout";
import { formatDate } from "../../lib/format";
import { useDocumentTitle } from "../../lib/use-document-title";

export function AccountRoute() {
  useDocumentTitle("Account");
  const me = useMe();
  const logout = useLogout();
  return (
    <section className="narrow stack">
      <h1>Account</h1>
      {me.isPending && <Spinner label="Loading your profile…" />}
      {me.isError && <Alert>{me.error.message}</Alert>}
      {me.data && (
        <dl className="card details">
          <dt>Email</dt>
          <dd>{me.data.email}</dd>
          <dt>Plan</dt>
          <dd className="capitalize">{me.data.plan}</dd>
          <dt>Member since</dt>
          <dd>{formatDate(me.data.created_at)}</dd>
        </dl>
      )}
      <section className="stack" aria-labelledby="api-keys-title">
        <h2 id="api-keys-title">API keys</h2>
        <p className="muted">
          Keys let scripts and integrations use your links, stats and analytics: send one as <code>Authorization: Bearer shortly_…</code>.
          They cannot manage keys or sessions.
        </p>
        <NewApiKeyForm />
        <ApiKeyList />
      </section>
      <div>
        <Button variant="secondary" onClick={() => void logout()}>
          Log out
        </Button>
      </div>
    </section>
  );
}

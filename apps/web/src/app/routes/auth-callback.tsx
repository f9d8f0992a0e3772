import { useEffect, useState } from "react";
import { Link, useNavigate } from "react-router";
import { Spinner } from "../../components/ui/spinner";
import { paths } from "../../config/paths";
import { refreshSession } from "../../lib/refresh-session";
import { useDocumentTitle } from "../../lib/use-document-title";

/** Social login lands here with a fresh refresh cookie; the access token comes from refresh, never the URL. */
export function AuthCallbackRoute() {
  useDocumentTitle("Signing in");
  const navigate = useNavigate();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let cancelled = false;
    void refreshSession(null).then((ok) => {
      if (cancelled) return;
      if (ok) void navigate(paths.dashboard, { replace: true });
      else setFailed(true);
    });
    return () => {
      cancelled = true;
    };
  }, [navigate]);

  if (!failed) return <Spinner label="Signing you in…" />;
  return (
    <section className="narrow center">
      <h1>We couldn't sign you in</h1>
      <p className="muted">The sign-in did not complete. Please try again.</p>
      <Link to={paths.login} className="btn btn-primary">
        Back to log in
      </Link>
    </section>
  );
}

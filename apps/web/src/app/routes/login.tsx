import { Link, useNavigate, useSearchParams } from "react-router";
import { Alert } from "../../components/ui/alert";
import { paths } from "../../config/paths";
import { LoginForm } from "../../features/auth/components/login-form";
import { SocialButtons, socialErrorMessage } from "../../features/auth/components/social-buttons";
import { safeNext } from "../../lib/safe-next";
import { useDocumentTitle } from "../../lib/use-document-title";

export function LoginRoute() {
  useDocumentTitle("Log in");
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const next = safeNext(params.get("next"), paths.dashboard);
  return (
    <section className="auth-card card">
      <h1>Log in</h1>
      {params.get("expired") && <Alert tone="info">Your session has ended. Log in again to continue.</Alert>}
      {socialErrorMessage(params.get("social_error")) && <Alert>{socialErrorMessage(params.get("social_error"))}</Alert>}
      <LoginForm onSuccess={() => navigate(next, { replace: true })} />
      <SocialButtons />
      <p className="muted">
        New here?{" "}
        <Link to={`${paths.register}${params.get("next") ? `?next=${encodeURIComponent(next)}` : ""}`}>Create a free account</Link>
      </p>
    </section>
  );
}

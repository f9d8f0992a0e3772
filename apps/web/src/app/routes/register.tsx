import { Link, useNavigate, useSearchParams } from "react-router";
import { paths } from "../../config/paths";
import { RegisterForm } from "../../features/auth/components/register-form";
import { SocialButtons } from "../../features/auth/components/social-buttons";
import { safeNext } from "../../lib/safe-next";
import { useDocumentTitle } from "../../lib/use-document-title";

export function RegisterRoute() {
  useDocumentTitle("Create account");
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const pendingUrl = params.get("url");
  // A new account has nothing to analyse yet: it starts where links are made.
  const next = pendingUrl ? `${paths.links}?url=${encodeURIComponent(pendingUrl)}` : safeNext(params.get("next"), paths.links);
  return (
    <section className="auth-card card">
      <h1>Create your free account</h1>
      <p className="muted">Three short links with click statistics, free forever.</p>
      <RegisterForm onSuccess={() => navigate(next, { replace: true })} />
      <SocialButtons />
      <p className="muted">
        Already have an account? <Link to={`${paths.login}?next=${encodeURIComponent(next)}`}>Log in</Link>
      </p>
    </section>
  );
}

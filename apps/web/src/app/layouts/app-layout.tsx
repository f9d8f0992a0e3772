import { Suspense } from "react";
import { Link, NavLink, Outlet } from "react-router";
import { Spinner } from "../../components/ui/spinner";
import { paths } from "../../config/paths";
import { DegradedBanner } from "../../features/app-config/components/degraded-banner";
import { useMe } from "../../features/auth/api/get-me";
import { useToken } from "../../lib/auth-token";

/** Only admins see the console in the menu (the page and the API check again). */
function AdminNavLink() {
  const me = useMe();
  return me.data?.role === "admin" ? <NavLink to={paths.admin}>Admin</NavLink> : null;
}

export function AppLayout() {
  const signedIn = useToken() !== null;
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <div className="container header-inner">
          <Link to={signedIn ? paths.dashboard : paths.home} className="brand" aria-label="Shortly home">
            <span className="brand-mark" aria-hidden="true">
              ↗
            </span>
            Shortly
          </Link>
          <nav aria-label="Main">
            {signedIn ? (
              <>
                <NavLink to={paths.dashboard}>Dashboard</NavLink>
                <NavLink to={paths.links}>Links</NavLink>
                <NavLink to={paths.account}>Account</NavLink>
                <AdminNavLink />
              </>
            ) : (
              <>
                <NavLink to={paths.login}>Log in</NavLink>
                <Link to={paths.register} className="btn btn-primary btn-sm">
                  Sign up free
                </Link>
              </>
            )}
          </nav>
        </div>
      </header>
      <DegradedBanner />
      <main id="main" className="container main" tabIndex={-1}>
        <Suspense fallback={<Spinner label="Loading…" />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="site-footer">
        <p className="container muted">Shortly · open-source short links with honest statistics</p>
      </footer>
    </>
  );
}

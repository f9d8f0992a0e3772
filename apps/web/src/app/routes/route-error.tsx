import { Link, useRouteError } from "react-router";
import { paths } from "../../config/paths";

/** Shown when a page fails to load or render (e.g. a chunk after a deploy). */
export function RouteError() {
  const error = useRouteError();
  console.error(error);
  return (
    <main className="container main narrow">
      <h1>Something went wrong</h1>
      <p>This page could not be shown. Reloading usually helps.</p>
      <p className="row">
        <button type="button" className="btn btn-primary" onClick={() => window.location.reload()}>
          Reload
        </button>
        <Link to={paths.home} className="btn btn-secondary">
          Go home
        </Link>
      </p>
    </main>
  );
}

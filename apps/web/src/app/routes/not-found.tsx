import { Link } from "react-router";
import { paths } from "../../config/paths";
import { useDocumentTitle } from "../../lib/use-document-title";

export function NotFoundRoute() {
  useDocumentTitle("Page not found");
  return (
    <section className="narrow center">
      <p className="eyebrow">404</p>
      <h1>This page does not exist</h1>
      <p className="muted">The address may be mistyped, or the page has moved.</p>
      <Link to={paths.home} className="btn btn-primary">
        Back to the start
      </Link>
    </section>
  );
}

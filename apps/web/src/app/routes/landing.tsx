import { useState, type FormEvent } from "react";
import { Link, Navigate, useNavigate } from "react-router";
import { paths } from "../../config/paths";
import { useToken } from "../../lib/auth-token";
import { useDocumentTitle } from "../../lib/use-document-title";

export function LandingRoute() {
  useDocumentTitle("");
  const navigate = useNavigate();
  const [url, setUrl] = useState("");
  if (useToken()) return <Navigate to={paths.dashboard} replace />;

  // Shortening needs an account: carry the URL through sign-up to the link manager.
  const start = (event: FormEvent) => {
    event.preventDefault();
    navigate(`${paths.register}${url.trim() ? `?url=${encodeURIComponent(url.trim())}` : ""}`);
  };

  return (
    <>
      <section className="hero">
        <h1>Short links you can trust, with clicks you can see.</h1>
        <p className="lead">
          Shorten any link in a second, share it anywhere, and watch every click arrive by day. Free to start, no card, no ads, open source.
        </p>
        <form className="hero-form" onSubmit={start} aria-label="Start shortening">
          <label htmlFor="hero-url" className="visually-hidden">
            Long URL to shorten
          </label>
          <input
            id="hero-url"
            type="url"
            inputMode="url"
            placeholder="Paste a long URL, e.g. https://example.com/spring-sale"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
          />
          <button type="submit" className="btn btn-primary">
            Shorten it
          </button>
        </form>
        <p className="muted small">
          You'll create a free account first. Already have one? <Link to={paths.login}>Log in</Link>.
        </p>
      </section>
      <section className="features" aria-label="Why Shortly">
        <article className="card">
          <h2>Fast redirects</h2>
          <p>Every short link answers in milliseconds, from one origin, with no interstitials or ads.</p>
        </article>
        <article className="card">
          <h2>Honest statistics</h2>
          <p>Clicks per day for every link, on a dashboard that shows you exactly what was counted.</p>
        </article>
        <article className="card">
          <h2>You stay in control</h2>
          <p>Custom codes, expiry dates and click limits. Disable or delete a link at any time.</p>
        </article>
      </section>
    </>
  );
}

import type { LiveClick } from "@shortly/contract";
import { countryFlag, countryName, deviceLabel } from "../utils/labels";
import type { LiveStatus } from "../hooks/use-live-clicks";

const STATUS_TEXT: Record<LiveStatus, string> = {
  connecting: "Connecting…",
  live: "Live",
  reconnecting: "Reconnecting…",
  offline: "Offline",
};

export function LiveIndicator({ status }: { status: LiveStatus }) {
  return (
    <span className={`live-indicator is-${status}`} role="status" data-testid="live-status">
      <span className="live-dot" aria-hidden="true" />
      {STATUS_TEXT[status]}
    </span>
  );
}

const time = new Intl.DateTimeFormat(undefined, { timeStyle: "medium" });

/** The latest clicks as they arrive, newest first. */
export function LiveFeed({ clicks, status }: { clicks: LiveClick[]; status: LiveStatus }) {
  return (
    <section className="card stack live-feed" aria-labelledby="live-title">
      <div className="stat-head">
        <h2 id="live-title">Live clicks</h2>
        <LiveIndicator status={status} />
      </div>
      {clicks.length === 0 ? (
        <p className="muted small">Clicks appear here the moment they happen. Open one of your short links in another tab to try it.</p>
      ) : (
        <ol className="feed" aria-live="polite" data-testid="live-feed">
          {clicks.map((c, i) => (
            <li key={`${c.clicked_at}-${c.code}-${i}`}>
              <span className="mono">/{c.code}</span>
              <span>
                <span aria-hidden="true">{countryFlag(c.country)} </span>
                {c.city ? `${c.city}, ` : ""}
                {countryName(c.country)}
              </span>
              <span className="muted">
                {[c.browser, c.os, deviceLabel(c.device)].filter(Boolean).join(" · ")}
                {c.referrer_host ? ` · from ${c.referrer_host}` : ""}
              </span>
              {c.is_bot && <span className="badge">bot</span>}
              <time className="muted small" dateTime={c.clicked_at}>
                {time.format(new Date(c.clicked_at))}
              </time>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

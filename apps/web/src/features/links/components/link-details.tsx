import type { LinkItem } from "@shortly/contract";
import { CopyButton } from "../../../components/ui/copy-button";
import { shortUrlFor } from "../../../config/paths";
import { formatDateTime, formatNumber } from "../../../lib/format";
import { LinkStateBadge } from "./link-state-badge";
import { QrDownloads } from "./qr-downloads";

export function LinkDetails({ link }: { link: LinkItem }) {
  const shortUrl = shortUrlFor(link.short_code);
  return (
    <dl className="card details">
      <dt>Short link</dt>
      <dd className="row">
        <a href={shortUrl}>{shortUrl}</a> <CopyButton text={shortUrl} />
      </dd>
      <dt>QR code</dt>
      <dd>
        <QrDownloads shortUrl={shortUrl} />
      </dd>
      <dt>Destination</dt>
      <dd className="break">{link.long_url}</dd>
      <dt>State</dt>
      <dd>
        <LinkStateBadge state={link.state} />
      </dd>
      <dt>Created</dt>
      <dd>{formatDateTime(link.created_at)}</dd>
      <dt>Expires</dt>
      <dd>{link.expires_at ? formatDateTime(link.expires_at) : "Never"}</dd>
      <dt>Click limit</dt>
      <dd>
        {link.max_clicks === null ? (
          "None"
        ) : (
          <>
            Clicks used: {formatNumber(link.clicks_used)} of {formatNumber(link.max_clicks)}
            <span className="field-hint clicks-used">People&apos;s visits only: bots and link previews never use one up.</span>
          </>
        )}
      </dd>
      <dt>Password</dt>
      <dd>{link.has_password ? "Required to open" : "None"}</dd>
    </dl>
  );
}

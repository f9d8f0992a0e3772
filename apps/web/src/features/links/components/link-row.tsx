import type { LinkItem } from "@shortly/contract";
import { Link } from "react-router";
import { Button } from "../../../components/ui/button";
import { CopyButton } from "../../../components/ui/copy-button";
import { paths, shortUrlFor } from "../../../config/paths";
import { formatDate, formatNumber } from "../../../lib/format";
import { LinkStateBadge } from "./link-state-badge";
import { QrDownloads } from "./qr-downloads";

export interface LinkRowProps {
  link: LinkItem;
  toggling: boolean;
  onToggle: (link: LinkItem) => void;
  onDelete: (link: LinkItem) => void;
  onTag: (tag: string) => void;
}

export function LinkRow({ link, toggling, onToggle, onDelete, onTag }: LinkRowProps) {
  const shortUrl = shortUrlFor(link.short_code);
  return (
    <tr>
      <td data-label="Short link">
        <a href={shortUrl} className="mono">
          /{link.short_code}
        </a>
      </td>
      <td data-label="Destination" className="destination">
        <span className="truncate" title={link.long_url}>
          {link.long_url}
        </span>
        {link.tags.length > 0 && (
          <span className="link-tags">
            {link.tags.map((tag) => (
              <button key={tag} type="button" className="tag" onClick={() => onTag(tag)} aria-label={`Show links tagged ${tag}`}>
                {tag}
              </button>
            ))}
          </span>
        )}
      </td>
      <td data-label="Created">{formatDate(link.created_at)}</td>
      <td data-label="Clicks" className="num">
        {formatNumber(link.total_clicks)}
        {link.max_clicks !== null && (
          <span className="muted small clicks-used">
            {formatNumber(link.clicks_used)} of {formatNumber(link.max_clicks)} used
          </span>
        )}
      </td>
      <td data-label="State">
        <LinkStateBadge state={link.state} />
        {link.has_password && <span className="badge badge-password">Password</span>}
      </td>
      <td>
        <div className="actions">
          <CopyButton text={shortUrl} />
          <details className="qr-menu">
            <summary className="btn btn-ghost btn-sm" aria-label={`QR code for /${link.short_code}`}>
              QR
            </summary>
            <div className="qr-popover card">
              <QrDownloads shortUrl={shortUrl} />
            </div>
          </details>
          <Link className="btn btn-secondary btn-sm" to={paths.link(link.short_code)} aria-label={`Stats for /${link.short_code}`}>
            Stats
          </Link>
          <Button
            variant="ghost"
            size="sm"
            busy={toggling}
            onClick={() => onToggle(link)}
            aria-label={`${link.is_active ? "Disable" : "Enable"} /${link.short_code}`}
          >
            {link.is_active ? "Disable" : "Enable"}
          </Button>
          <Button
            variant="ghost"
            size="sm"
            className="danger-text"
            onClick={() => onDelete(link)}
            aria-label={`Delete /${link.short_code}`}
          >
            Delete
          </Button>
        </div>
      </td>
    </tr>
  );
}

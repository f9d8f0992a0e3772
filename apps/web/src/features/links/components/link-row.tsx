import type { LinkItem } from "@shortly/contract";
import { Link } from "react-router";
import { Button } from "../../../components/ui/button";
import { CopyButton } from "../../../components/ui/copy-button";
import { paths, shortUrlFor } from "../../../config/paths";
import { formatDate, formatNumber } from "../../../lib/format";
import { LinkStateBadge } from "./link-state-badge";

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
        {link.max_clicks !== null && <span className="muted"> / {formatNumber(link.max_clicks)}</span>}
      </td>
      <td data-label="State">
        <LinkStateBadge state={link.state} />
      </td>
      <td>
        <div className="actions">
          <CopyButton text={shortUrl} />
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

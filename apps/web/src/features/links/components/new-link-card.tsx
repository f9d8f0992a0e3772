import type { CreatedUrlResponse } from "@shortly/contract";
import { QRCodeSVG } from "qrcode.react";
import { Link } from "react-router";
import { CopyButton } from "../../../components/ui/copy-button";
import { paths, shortUrlFor } from "../../../config/paths";

/** The link just created: the short URL, one-click copy and a QR code. */
export function NewLinkCard({ link }: { link: CreatedUrlResponse }) {
  const shortUrl = shortUrlFor(link.short_code);
  return (
    <section className="card new-link" aria-labelledby="new-link-title">
      <div className="new-link-text">
        <h2 id="new-link-title">Your short link is ready</h2>
        <p className="short-url">
          <a href={shortUrl} data-testid="new-short-url">
            {shortUrl}
          </a>
        </p>
        <p className="muted truncate" title={link.long_url}>
          → {link.long_url}
        </p>
        <div className="row">
          <CopyButton text={shortUrl} variant="primary" />
          <Link className="btn btn-secondary btn-sm" to={paths.link(link.short_code)}>
            View stats
          </Link>
        </div>
      </div>
      <QRCodeSVG value={shortUrl} size={112} role="img" aria-label={`QR code for ${shortUrl}`} className="qr" />
    </section>
  );
}

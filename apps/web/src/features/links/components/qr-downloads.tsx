import { QRCodeCanvas, QRCodeSVG } from "qrcode.react";
import { useId, useRef, useState } from "react";
import { Button } from "../../../components/ui/button";

const SIZES = [256, 512, 1024] as const;

/** "https://sho.rt/abc" → "sho.rt-abc": the short URL as a file name. */
export const qrFileName = (shortUrl: string) =>
  shortUrl
    .replace(/^https?:\/\//, "")
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/^-+|-+$/g, "");

function download(href: string, name: string) {
  const anchor = document.createElement("a");
  anchor.href = href;
  anchor.download = name;
  anchor.click();
}

/** The short link's QR code as PNG or SVG, 256 to 1024 pixels, drawn in the browser. */
export function QrDownloads({ shortUrl }: { shortUrl: string }) {
  const sizeId = useId();
  const [size, setSize] = useState<(typeof SIZES)[number]>(512);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const name = qrFileName(shortUrl);

  const png = () => {
    if (canvasRef.current) download(canvasRef.current.toDataURL("image/png"), `${name}.png`);
  };
  const svg = () => {
    if (!svgRef.current) return;
    const markup = new XMLSerializer().serializeToString(svgRef.current);
    const url = URL.createObjectURL(new Blob([markup], { type: "image/svg+xml" }));
    download(url, `${name}.svg`);
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  return (
    <div className="qr-downloads">
      <label htmlFor={sizeId} className="visually-hidden">
        QR code size
      </label>
      <select id={sizeId} value={size} onChange={(e) => setSize(Number(e.target.value) as (typeof SIZES)[number])}>
        {SIZES.map((s) => (
          <option key={s} value={s}>
            {s} × {s}
          </option>
        ))}
      </select>
      <Button variant="secondary" size="sm" onClick={png} aria-label={`Download the QR code of ${shortUrl} as PNG`}>
        PNG
      </Button>
      <Button variant="secondary" size="sm" onClick={svg} aria-label={`Download the QR code of ${shortUrl} as SVG`}>
        SVG
      </Button>
      {/* Drawn off-screen at the chosen size; the buttons save what these hold. */}
      <div hidden>
        <QRCodeCanvas ref={canvasRef} value={shortUrl} size={size} marginSize={2} />
        <QRCodeSVG ref={svgRef} value={shortUrl} size={size} marginSize={2} xmlns="http://www.w3.org/2000/svg" />
      </div>
    </div>
  );
}

import type { ReactNode } from "react";
import { formatNumber } from "../../../lib/format";

export interface TopListItem {
  key: string;
  label: ReactNode;
  clicks: number;
}

/** A ranked list with bars scaled to the largest value; the numbers are text, the bars decoration. */
export function TopList({ title, items, empty = "No clicks in this range." }: { title: string; items: TopListItem[]; empty?: string }) {
  const max = Math.max(1, ...items.map((i) => i.clicks));
  const id = `top-${title.toLowerCase().replace(/\W+/g, "-")}`;
  return (
    <section className="card top-list" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {items.length === 0 ? (
        <p className="muted small">{empty}</p>
      ) : (
        <ol>
          {items.map((item) => (
            <li key={item.key}>
              <span className="top-bar" style={{ width: `${(item.clicks / max) * 100}%` }} aria-hidden="true" />
              <span className="top-label truncate">{item.label}</span>
              <span className="top-value num">{formatNumber(item.clicks)}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

import type { LinkAnalyticsResponse } from "@shortly/contract";
import { formatNumber } from "../../../lib/format";

/** The three numbers a marketer reads first; bots are shown apart so they never inflate the others. */
export function HeadlineNumbers({ data }: { data: LinkAnalyticsResponse }) {
  const items = [
    { label: "Clicks", value: data.total_clicks, hint: "human visits", testId: "headline-clicks" },
    { label: "Unique visitors", value: data.unique_visitors, hint: "counted per day", testId: "headline-visitors" },
    { label: "Bot clicks", value: data.bot_clicks, hint: "crawlers and previews", testId: "headline-bots" },
  ];
  return (
    <dl className="headline">
      {items.map((item) => (
        <div key={item.label} className="card headline-item">
          <dt>{item.label}</dt>
          <dd className="big-number" data-testid={item.testId}>
            {formatNumber(item.value)}
          </dd>
          <dd className="muted small">{item.hint}</dd>
        </div>
      ))}
    </dl>
  );
}

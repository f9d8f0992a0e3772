import { ANALYTICS_RANGES, type AnalyticsRange } from "@shortly/contract";

const LABELS: Record<AnalyticsRange, string> = { "7d": "7 days", "30d": "30 days", "90d": "90 days" };

/** A segmented control of radio buttons: one tab stop, arrow keys move between ranges. */
export function RangePicker({ value, onChange }: { value: AnalyticsRange; onChange: (range: AnalyticsRange) => void }) {
  return (
    <fieldset className="segmented">
      <legend className="visually-hidden">Date range</legend>
      {ANALYTICS_RANGES.map((range) => (
        <label key={range} className={range === value ? "segment is-selected" : "segment"}>
          <input type="radio" name="range" value={range} checked={range === value} onChange={() => onChange(range)} />
          {LABELS[range]}
        </label>
      ))}
    </fieldset>
  );
}

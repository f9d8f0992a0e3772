import type { AnalyticsDay } from "@shortly/contract";
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

/** Human clicks per UTC day as bars, unique visitors as a line; every day of the range is present. */
export function TrafficChart({ days }: { days: AnalyticsDay[] }) {
  const total = days.reduce((sum, d) => sum + d.clicks, 0);
  return (
    <figure className="chart" aria-label={`Chart of clicks and visitors per day over ${days.length} days, ${total} clicks in total`}>
      <ResponsiveContainer width="100%" height={260}>
        <ComposedChart data={days} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="var(--color-border)" />
          <XAxis dataKey="date" tickFormatter={(d: string) => d.slice(5)} tick={{ fontSize: 12 }} minTickGap={20} />
          <YAxis allowDecimals={false} tick={{ fontSize: 12 }} width={48} />
          <Tooltip cursor={{ fill: "var(--color-surface-2)" }} />
          <Legend wrapperStyle={{ fontSize: 13 }} />
          <Bar dataKey="clicks" name="Clicks" fill="var(--color-brand)" radius={[3, 3, 0, 0]} maxBarSize={32} isAnimationActive={false} />
          <Line dataKey="visitors" name="Visitors" stroke="var(--color-success)" strokeWidth={2} dot={false} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </figure>
  );
}

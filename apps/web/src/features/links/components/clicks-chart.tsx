import type { DayCount } from "../utils/zero-fill";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";


/** Clicks per UTC day as bars; every day in the range is present, zeros included. */
export function ClicksChart({ days }: { days: DayCount[] }) {
  const total = days.reduce((sum, d) => sum + d.clicks, 0);
  return (
    <figure className="chart" aria-label={`Bar chart of clicks per day, ${days.length} days, ${total} clicks in total`}>
      <ResponsiveContainer width="100%" height={260}>
        <BarChart data={days} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="var(--color-border)" />
          <XAxis dataKey="day" tickFormatter={(d: string) => d.slice(5)} tick={{ fontSize: 12 }} minTickGap={16} />
          <YAxis allowDecimals={false} tick={{ fontSize: 12 }} />
          <Tooltip cursor={{ fill: "var(--color-surface-2)" }} />
          <Bar dataKey="clicks" name="Clicks" fill="var(--color-brand)" radius={[4, 4, 0, 0]} maxBarSize={48} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}

import { formatNumber } from "../../../lib/format";

/** Every day with clicks, newest first: the chart's numbers, readable by screen readers too. */
export function ClicksTable({ byDate }: { byDate: Record<string, number> }) {
  const days = Object.entries(byDate).sort(([a], [b]) => b.localeCompare(a));
  if (days.length === 0) return <p className="muted">No clicks yet. Share the link and they'll show up here.</p>;
  return (
    <table className="data-table">
      <caption className="visually-hidden">Clicks by day (UTC)</caption>
      <thead>
        <tr>
          <th scope="col">Day (UTC)</th>
          <th scope="col" className="num">
            Clicks
          </th>
        </tr>
      </thead>
      <tbody>
        {days.map(([day, clicks]) => (
          <tr key={day}>
            <td>{day}</td>
            <td className="num">{formatNumber(clicks)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

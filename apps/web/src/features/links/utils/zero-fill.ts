export interface DayCount {
  day: string;
  clicks: number;
}

const DAY_MS = 86_400_000;
const startOfUtcDay = (date: Date) => Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());

/**
 * Every UTC day from `from` (or the first click, if earlier) to `to`,
 * inclusive and at most `maxDays` (keeping the latest), with the count from
 * `byDate` or zero.
 */
export function zeroFillDays(byDate: Record<string, number>, from: Date, to: Date, maxDays = 90): DayCount[] {
  const end = startOfUtcDay(to);
  const firstClick = Object.keys(byDate).sort()[0];
  let start = startOfUtcDay(from);
  if (firstClick) start = Math.min(start, Date.parse(`${firstClick}T00:00:00Z`));
  start = Math.max(start, end - (maxDays - 1) * DAY_MS);
  const days: DayCount[] = [];
  for (let t = start; t <= end; t += DAY_MS) {
    const day = new Date(t).toISOString().slice(0, 10);
    days.push({ day, clicks: byDate[day] ?? 0 });
  }
  return days;
}

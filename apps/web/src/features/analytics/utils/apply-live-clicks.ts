import { ANALYTICS_TOP_N, type DashboardResponse, type LinkAnalyticsResponse, type LiveClick } from "@shortly/contract";

interface LiveBatch {
  humans: number;
  bots: number;
  clicks: LiveClick[];
}

const dayOf = (iso: string) => iso.slice(0, 10);

/** Adds clicks to the matching day of a zero-filled series; days outside the range are left alone. */
function addToDays<T extends LinkAnalyticsResponse>(data: T, perDay: Map<string, { humans: number; bots: number }>): T {
  let humans = 0;
  let bots = 0;
  const by_date = data.by_date.map((d) => {
    const add = perDay.get(d.date);
    if (!add) return d;
    humans += add.humans;
    bots += add.bots;
    return { ...d, clicks: d.clicks + add.humans, bot_clicks: d.bot_clicks + add.bots };
  });
  return { ...data, by_date, total_clicks: data.total_clicks + humans, bot_clicks: data.bot_clicks + bots };
}

/**
 * The dashboard as it will read after these clicks. Counters take the batch's
 * exact totals (on the day of its latest click); top links use the sampled
 * clicks. Visitors and breakdowns wait for the next fetch.
 */
export function applyLiveToDashboard(data: DashboardResponse, batch: LiveBatch): DashboardResponse {
  const latest = batch.clicks.at(-1);
  if (!latest) return data;
  const updated = addToDays(data, new Map([[dayOf(latest.clicked_at), { humans: batch.humans, bots: batch.bots }]]));
  const perCode = new Map<string, number>();
  for (const c of batch.clicks) if (!c.is_bot) perCode.set(c.code, (perCode.get(c.code) ?? 0) + 1);
  const listed = new Set(updated.top_links.map((l) => l.code));
  // A link not listed yet joins with what this batch showed of it (its destination comes with the next fetch).
  const newcomers = [...perCode].filter(([code]) => !listed.has(code)).map(([code, clicks]) => ({ code, long_url: "", clicks }));
  const top_links = [...updated.top_links.map((l) => ({ ...l, clicks: l.clicks + (perCode.get(l.code) ?? 0) })), ...newcomers]
    .sort((a, b) => b.clicks - a.clicks || a.code.localeCompare(b.code))
    .slice(0, ANALYTICS_TOP_N);
  return { ...updated, top_links };
}

/** One link's analytics after the batch's clicks on that link (as sampled). */
export function applyLiveToLink(data: LinkAnalyticsResponse, code: string, batch: LiveBatch): LinkAnalyticsResponse {
  const perDay = new Map<string, { humans: number; bots: number }>();
  for (const c of batch.clicks) {
    if (c.code !== code) continue;
    const day = perDay.get(dayOf(c.clicked_at)) ?? { humans: 0, bots: 0 };
    if (c.is_bot) day.bots++;
    else day.humans++;
    perDay.set(dayOf(c.clicked_at), day);
  }
  return perDay.size ? addToDays(data, perDay) : data;
}

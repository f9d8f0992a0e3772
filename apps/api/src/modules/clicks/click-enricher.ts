import { randomBytes } from "node:crypto";
import { createAgentParser, locate, referrerHost, visitorKey } from "../../lib/click-dimensions.js";
import { DAY_MS, utcDay } from "../../lib/utc-day.js";
import type { EnrichedClick, NewClick } from "./click.js";
import type { ClickWriterRepository } from "./writer-repository.js";

const MAX_MEMOISED_VISITORS = 50_000;

export type ClickEnricher = (clicks: NewClick[]) => Promise<EnrichedClick[]>;

/**
 * Turns visits into stored clicks in the writer, off the visitor's path:
 * user agent → browser, OS, device and bot; IP → country, city and the
 * day's visitor key; referrer → host. The IP goes no further than this.
 */
export function createClickEnricher(repo: Pick<ClickWriterRepository, "saltFor" | "pruneVisitorDataBefore">): ClickEnricher {
  const parseAgent = createAgentParser();
  const salts = new Map<string, Buffer>();

  async function loadSalt(day: string): Promise<Buffer> {
    const salt = await repo.saltFor(day, randomBytes(32));
    // A new day: yesterday stays (late clicks), anything older is forgotten everywhere.
    if ([...salts.keys()].every((known) => known < day)) {
      const yesterday = utcDay(Date.parse(day) - DAY_MS);
      await repo.pruneVisitorDataBefore(yesterday);
      for (const old of salts.keys()) if (old < yesterday) salts.delete(old);
    }
    salts.set(day, salt);
    return salt;
  }

  /**
   * A visitor's key for the day, memoised: people click more than one link,
   * and a hot link's visitors come back. Bounded, and forgotten with the day.
   */
  const keys = new Map<string, string | null>();
  let keysDay = "";
  const keyOf = (day: string, salt: Buffer, ip: string | null, userAgent: string | null) => {
    if (day !== keysDay) {
      keys.clear();
      keysDay = day;
    }
    if (!ip) return null;
    const seen = `${ip}\n${userAgent ?? ""}`;
    let key = keys.get(seen);
    if (key === undefined) {
      if (keys.size >= MAX_MEMOISED_VISITORS) keys.clear();
      keys.set(seen, (key = visitorKey(salt, ip, userAgent)));
    }
    return key;
  };

  let dayStart = Number.NaN;
  let day = "";
  return async (clicks) => {
    const out = new Array<EnrichedClick>(clicks.length);
    for (let i = 0; i < clicks.length; i++) {
      const click = clicks[i]!;
      const agent = parseAgent(click.userAgent);
      const place = locate(click.ip);
      const time = click.clickedAt.getTime();
      if (!(time >= dayStart && time < dayStart + DAY_MS)) {
        dayStart = time - (time % DAY_MS);
        day = utcDay(time);
      }
      const salt = salts.get(day) ?? (await loadSalt(day));
      out[i] = {
        linkId: click.linkId,
        userId: click.userId,
        code: click.code,
        clickedAt: click.clickedAt,
        referrer: click.referrer,
        referrerHost: referrerHost(click.referrer),
        userAgent: click.userAgent,
        browser: agent.browser,
        os: agent.os,
        device: agent.device,
        country: place.country,
        city: place.city,
        isBot: agent.isBot,
        visitor: keyOf(day, salt, click.ip, click.userAgent),
      };
    }
    return out;
  };
}

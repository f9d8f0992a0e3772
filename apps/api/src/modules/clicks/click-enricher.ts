import { randomBytes } from "node:crypto";
import { createAgentParser, locate, referrerHost, visitorKey } from "../../lib/click-dimensions.js";
import { DAY_MS, utcDay } from "../../lib/utc-day.js";
import type { EnrichedClick, NewClick } from "./click.js";
import type { ClickWriterRepository } from "./writer-repository.js";

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

  return async (clicks) => {
    const out = new Array<EnrichedClick>(clicks.length);
    for (let i = 0; i < clicks.length; i++) {
      const click = clicks[i]!;
      const agent = parseAgent(click.userAgent);
      const place = locate(click.ip);
      const day = utcDay(click.clickedAt.getTime());
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
        visitor: visitorKey(salt, click.ip, click.userAgent),
      };
    }
    return out;
  };
}

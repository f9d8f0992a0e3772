import { randomBytes } from "node:crypto";
import { createAgentParser, headerText, locate, referrerHost, visitorKey, type AgentDimensions } from "../../lib/click-dimensions.js";
import { DAY_MS, utcDay } from "../../lib/utc-day.js";
import type { EnrichedClick, NewClick } from "./click.js";
import type { ClickWriterRepository } from "./writer-repository.js";

/** Values cut to their columns' widths: one value too long would fail its batch on every retry. */
const clip = (value: string | null, max: number) => (value !== null && value.length > max ? value.slice(0, max) : value);

type Place = ReturnType<typeof locate>;

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
    // Per call, so concurrent calls (a replay beside live clicks) cannot mix days, and
    // visitors' addresses are forgotten with the batch.
    /** Each visitor's key for the batch's current day: people click again, and a hot link's visitors come back. */
    const keys = new Map<string, string | null>();
    /** Places and referrers' hosts of the batch: a visitor and a referrer recur within one. */
    const places = new Map<string | null, Place>();
    const hosts = new Map<string, string | null>();
    let dayStart = Number.NaN;
    let day = "";
    const placeOf = (ip: string | null) => {
      let place = places.get(ip);
      if (!place) places.set(ip, (place = locate(ip)));
      return place;
    };
    const hostOf = (referrer: string) => {
      let host = hosts.get(referrer);
      if (host === undefined) hosts.set(referrer, (host = clip(referrerHost(referrer), 255)));
      return host;
    };
    const out = new Array<EnrichedClick>(clicks.length);
    // The click before's visitor and referrer: a visitor's clicks come in runs (a hot link's
    // repeat visitors; the spool gives equal strings as the same string), and such a run
    // costs no lookups at all.
    let last: {
      ip: string | null;
      userAgent: string | null;
      /** The user agent as the client wrote it (headerText). */
      userAgentText: string | null;
      day: string;
      agent: AgentDimensions;
      place: Place;
      key: string | null;
    } | null = null;
    let lastReferrer: string | null = null;
    let lastReferrerText: string | null = null;
    let lastReferrerHost: string | null = null;
    for (let i = 0; i < clicks.length; i++) {
      const click = clicks[i]!;
      const time = click.clickedAt.getTime();
      if (!(time >= dayStart && time < dayStart + DAY_MS)) {
        dayStart = time - (time % DAY_MS);
        day = utcDay(time);
        keys.clear();
      }
      if (last === null || last.ip !== click.ip || last.userAgent !== click.userAgent || last.day !== day) {
        const salt: Buffer = salts.get(day) ?? (await loadSalt(day));
        let key: string | null = null; // no address, no visitor key
        if (click.ip !== null) {
          const visitor = `${click.ip}\n${click.userAgent ?? ""}`;
          key = keys.get(visitor) ?? visitorKey(salt, click.ip, click.userAgent);
          keys.set(visitor, key);
        }
        const userAgent = headerText(click.userAgent);
        last = {
          ip: click.ip,
          userAgent: click.userAgent,
          userAgentText: userAgent,
          day,
          agent: parseAgent(userAgent),
          place: placeOf(click.ip),
          key,
        };
      }
      if (click.referrer !== lastReferrer) {
        lastReferrer = click.referrer;
        lastReferrerText = headerText(click.referrer);
        lastReferrerHost = lastReferrerText === null ? null : hostOf(lastReferrerText);
      }
      const { agent, place } = last;
      out[i] = {
        linkId: click.linkId,
        userId: click.userId,
        code: click.code,
        clickedAt: click.clickedAt,
        referrer: lastReferrerText,
        referrerHost: lastReferrerHost,
        userAgent: last.userAgentText,
        browser: clip(agent.browser, 64),
        os: clip(agent.os, 64),
        device: clip(agent.device, 16),
        country: place.country?.length === 2 ? place.country : null,
        city: clip(place.city, 128),
        isBot: agent.isBot,
        visitor: last.key,
      };
    }
    return out;
  };
}

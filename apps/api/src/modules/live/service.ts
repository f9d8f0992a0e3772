import { LIVE_MAX_CLICKS_PER_MESSAGE, type LiveClick, type LiveServerMessage } from "@shortly/contract";

/** What the live view needs of a stored click (the click writer's enriched click has it). */
export interface StoredClick {
  userId: number;
  code: string;
  clickedAt: Date;
  referrerHost: string | null;
  browser: string | null;
  os: string | null;
  device: string | null;
  country: string | null;
  city: string | null;
  isBot: boolean;
}

export interface LiveServiceDeps {
  publish(userId: number, message: string): void;
}

/**
 * Turns each written batch into one message per owner: counts of every click
 * (so counters stay exact) and the most recent few as feed entries.
 */
export function createLiveService({ publish }: LiveServiceDeps) {
  return {
    clicksStored(clicks: StoredClick[]): void {
      const byOwner = new Map<number, StoredClick[]>();
      for (const click of clicks) {
        if (click.userId <= 0) continue; // replayed from an old spool without owners
        const list = byOwner.get(click.userId);
        if (list) list.push(click);
        else byOwner.set(click.userId, [click]);
      }
      for (const [userId, ownersClicks] of byOwner) {
        const bots = ownersClicks.filter((c) => c.isBot).length;
        const message: LiveServerMessage = {
          type: "clicks",
          humans: ownersClicks.length - bots,
          bots,
          clicks: ownersClicks.slice(-LIVE_MAX_CLICKS_PER_MESSAGE).map(toLiveClick),
        };
        publish(userId, JSON.stringify(message));
      }
    },
  };
}

function toLiveClick(c: StoredClick): LiveClick {
  return {
    code: c.code,
    clicked_at: c.clickedAt.toISOString(),
    country: c.country,
    city: c.city,
    device: c.device,
    browser: c.browser,
    os: c.os,
    referrer_host: c.referrerHost,
    is_bot: c.isBot,
  };
}

export type LiveService = ReturnType<typeof createLiveService>;

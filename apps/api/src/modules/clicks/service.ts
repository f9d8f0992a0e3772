import { SpoolFullError } from "./click-spool.js";
import type { ClickRecorder } from "./click-recorder.js";
import { ClicksUnavailableError } from "./errors.js";
import type { NewClick } from "./click.js";
import type { ClicksRepository } from "./repository.js";

// What record() throws when a click cannot be kept: callers answer 503 with it.
export { ClicksUnavailableError } from "./errors.js";

export function createClicksService(repo: ClicksRepository, recorder: ClickRecorder) {
  // Every click of an event-loop turn shares the recorder's one promise; it is wrapped once, not per click.
  let turn: { spooled: Promise<void>; unavailable: Promise<void> } | null = null;
  return {
    /** Resolves once the click is safe from a crash; the redirect waits for that, not for the database. */
    record(click: NewClick): Promise<void> {
      try {
        const spooled = recorder.record(click);
        if (!turn || turn.spooled !== spooled) {
          const unavailable = spooled.catch((error: unknown) => {
            throw new ClicksUnavailableError({ cause: error });
          });
          turn = { spooled, unavailable };
        }
        return turn.unavailable;
      } catch (error) {
        if (error instanceof SpoolFullError) throw new ClicksUnavailableError({ cause: error });
        throw error;
      }
    },

    async statsByDate(linkId: number): Promise<{ total: number; byDate: Record<string, number> }> {
      const rows = await repo.clicksByDay(linkId);
      const byDate: Record<string, number> = {};
      let total = 0;
      for (const { day, clicks } of rows) {
        byDate[day] = clicks;
        total += clicks;
      }
      return { total, byDate };
    },

    totalsByLink: repo.totalsByLink,
  };
}

export type ClicksService = ReturnType<typeof createClicksService>;

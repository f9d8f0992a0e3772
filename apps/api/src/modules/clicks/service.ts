import type { ClickRecorder } from "./click-recorder.js";
import type { ClicksRepository, NewClick } from "./repository.js";

export function createClicksService(repo: ClicksRepository, recorder: ClickRecorder) {
  return {
    record(click: NewClick): void {
      recorder.record(click);
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

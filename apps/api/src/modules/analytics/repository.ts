import type pg from "pg";
import type { Db } from "../../db/prisma-client.js";
import { createClickExportRepository } from "./click-export-repository.js";
import { createDailyClicksRepository } from "./daily-clicks-repository.js";
import { createDimensionsRepository } from "./dimensions-repository.js";
import { createTopLinksRepository } from "./top-links-repository.js";

export type { ExportRow } from "./click-export-repository.js";
export type { DayRow } from "./daily-clicks-repository.js";
export type { DimensionRow } from "./dimensions-repository.js";
export type { DayRange, Scope } from "./scope.js";

/**
 * Analytics read the daily rollups the click writer maintains (per link for a
 * link's page, per account for the dashboard), never raw clicks; only the CSV
 * export streams raw rows.
 */
export function createAnalyticsRepository(db: Db, exportPool: pg.Pool) {
  return {
    ...createDailyClicksRepository(db),
    ...createDimensionsRepository(db),
    ...createTopLinksRepository(db),
    ...createClickExportRepository(exportPool),
  };
}

export type AnalyticsRepository = ReturnType<typeof createAnalyticsRepository>;

import { stringify } from "csv-stringify";
import type { Readable } from "node:stream";

const CSV_COLUMNS = [
  "clicked_at",
  "code",
  "referrer",
  "referrer_host",
  "country",
  "city",
  "browser",
  "os",
  "device",
  "is_bot",
  "user_agent",
];

/** Clicks as CSV, streamed row by row. Cells that a spreadsheet would run as formulas are escaped. */
export function toCsv(rows: Readable): Readable {
  const csv = stringify({
    header: true,
    columns: CSV_COLUMNS,
    escape_formulas: true,
    cast: { date: (d) => d.toISOString(), boolean: (b) => (b ? "true" : "false") },
  });
  rows.on("error", (error) => csv.destroy(error));
  csv.on("close", () => rows.destroy());
  return rows.pipe(csv);
}

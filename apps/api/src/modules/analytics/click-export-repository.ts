import type pg from "pg";
import QueryStream from "pg-query-stream";
import type { Readable } from "node:stream";
import type { DayRange, Scope } from "./scope.js";

export interface ExportRow {
  clicked_at: Date;
  code: string;
  referrer: string | null;
  referrer_host: string | null;
  country: string | null;
  city: string | null;
  browser: string | null;
  os: string | null;
  device: string | null;
  is_bot: boolean;
  user_agent: string | null;
}

export function createClickExportRepository(exportPool: pg.Pool) {
  return {
    /**
     * Raw clicks in time order (those of one millisecond in no defined
     * order) through a server-side cursor, 1,000 rows at a time: memory
     * stays flat however many there are. The connection goes back to the
     * pool when the stream ends, fails or is destroyed.
     */
    async streamClicks(scope: Scope, range: DayRange | null): Promise<Readable> {
      const [filter, params] = "linkId" in scope ? ["c.link_id = $1", [scope.linkId]] : ["l.user_id = $1", [scope.userId]];
      const inRange = range ? "AND c.clicked_at >= $2::date AND c.clicked_at < $3::date + 1" : "";
      const client = await exportPool.connect();
      const stream = client.query(
        new QueryStream(
          `SELECT c.clicked_at, l.code, c.referrer, c.referrer_host, c.country, c.city, c.browser, c.os, c.device, c.is_bot, c.user_agent
           FROM clicks c JOIN links l ON l.id = c.link_id
           WHERE ${filter} ${inRange}
           ORDER BY c.link_id, c.clicked_at`,
          range ? [...params, range.from, range.to] : params,
          { batchSize: 1000 },
        ),
      );
      let released = false;
      const release = (error?: Error) => {
        if (released) return;
        released = true;
        // A cursor abandoned half-way leaves the connection mid-query: drop it rather than reuse it.
        client.release(error ?? (stream.readableEnded ? undefined : new Error("export stopped early")));
      };
      stream.on("end", () => release());
      stream.on("error", (error) => release(error));
      stream.on("close", () => release());
      return stream;
    },
  };
}

import { bulkCreateResponseSchema, MAX_BULK_URLS, type BulkCreateResult } from "@shortly/contract";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { apiFetch } from "../../../lib/api-client";
import { ApiError, fieldErrorsFrom } from "../../../lib/api-error";
import { linksKeys } from "./links-keys";
import type { ImportRow } from "../import/formats/types";

export interface ImportOutcome {
  row: ImportRow;
  /** The new link's code, or why the row was skipped. */
  created?: string;
  skipped?: string;
}

export interface ImportProgress {
  done: number;
  total: number;
  /** Set while the rate limit pauses the import. */
  waiting: boolean;
}

/** A bulk request refused by the rate limit is tried again after this long, this many times. */
const RATE_LIMIT_WAIT_MS = 15_000;
const RATE_LIMIT_RETRIES = 8;
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function reasonFor(result: Exclude<BulkCreateResult, { status: 201 }>): string {
  if (typeof result.detail === "string") return result.detail;
  return Object.values(fieldErrorsFrom(result.detail))[0] ?? "This row is not valid";
}

function outcomeOf(row: ImportRow, result: BulkCreateResult): ImportOutcome {
  if ("url" in result) return { row, created: result.url.short_code };
  return { row, skipped: reasonFor(result) };
}

async function sendChunk(rows: ImportRow[], keepCodes: boolean, onWait: (waiting: boolean) => void) {
  const urls = rows.map((r) => ({
    long_url: r.long_url,
    ...(keepCodes && r.custom_code && { custom_code: r.custom_code }),
    ...(r.tags && { tags: r.tags }),
  }));
  for (let attempt = 0; ; attempt++) {
    try {
      return await apiFetch("/api/urls/bulk", { method: "POST", body: { urls }, schema: bulkCreateResponseSchema });
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 429 || attempt >= RATE_LIMIT_RETRIES) throw error;
      onWait(true);
      await wait(RATE_LIMIT_WAIT_MS);
      onWait(false);
    }
  }
}

/**
 * Creates the rows through POST /api/urls/bulk, a hundred at a time, and says
 * per row what happened. A chunk the rate limit refuses waits and is sent
 * again; any other failure stops the import, keeping what was created.
 */
export function useImportLinks() {
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<ImportProgress>({ done: 0, total: 0, waiting: false });
  const [outcomes, setOutcomes] = useState<ImportOutcome[]>([]);

  const mutation = useMutation({
    mutationFn: async ({ rows, keepCodes }: { rows: ImportRow[]; keepCodes: boolean }) => {
      const all: ImportOutcome[] = [];
      setOutcomes([]);
      setProgress({ done: 0, total: rows.length, waiting: false });
      try {
        for (let start = 0; start < rows.length; start += MAX_BULK_URLS) {
          const chunk = rows.slice(start, start + MAX_BULK_URLS);
          const { results } = await sendChunk(chunk, keepCodes, (waiting) => setProgress((p) => ({ ...p, waiting })));
          all.push(...chunk.map((row, i) => outcomeOf(row, results[i]!)));
          setOutcomes([...all]);
          setProgress({ done: all.length, total: rows.length, waiting: false });
        }
      } finally {
        await queryClient.invalidateQueries({ queryKey: linksKeys.all });
      }
      return all;
    },
  });
  return { ...mutation, progress, outcomes };
}

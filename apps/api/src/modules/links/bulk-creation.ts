import { createUrlRequestSchema, toValidationIssues, type BulkCreateResult, type CreateUrlInput } from "@shortly/contract";
import { AppError } from "../../lib/app-error.js";
import { toCreatedUrlResponse } from "./link-responses.js";
import type { LinkRecord } from "./repository.js";

type Create = (userId: number, input: CreateUrlInput, requestHostname: string) => Promise<LinkRecord>;

export function createBulkCreation(create: Create) {
  return {
    /**
     * Creates each item as a single POST /api/urls would, in order, and says
     * per item what that would have answered: one bad item never sinks the
     * others, and the plan limit holds item by item (each create locks the
     * account). Failures other than the request's own (the database) fail the batch.
     */
    async createMany(userId: number, items: unknown[], requestHostname: string): Promise<BulkCreateResult[]> {
      const results: BulkCreateResult[] = [];
      for (const [index, item] of items.entries()) {
        const parsed = createUrlRequestSchema.safeParse(item, { reportInput: true });
        if (!parsed.success) {
          const issues = parsed.error.issues.map((issue) => ({ ...issue, path: ["urls", index, ...issue.path] }));
          results.push({ status: 422, detail: toValidationIssues(issues, "body") });
          continue;
        }
        try {
          results.push({ status: 201, url: toCreatedUrlResponse(await create(userId, parsed.data, requestHostname)) });
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          const detail = Array.isArray(error.detail)
            ? error.detail.map((issue) => ({ ...issue, loc: ["body", "urls", index, ...issue.loc.slice(1)] }))
            : error.detail;
          results.push({ status: error.statusCode, detail });
        }
      }
      return results;
    },
  };
}

import { createUrlRequestSchema, ERROR_MESSAGES, toValidationIssues, type BulkCreateResult, type CreateUrlInput } from "@shortly/contract";
import { AppError } from "../../lib/app-error.js";
import { isDatabaseUnavailable } from "../../lib/database-unavailable.js";
import { toCreatedUrlResponse } from "./link-responses.js";
import type { LinkRecord } from "./repository.js";

type Create = (userId: number, input: CreateUrlInput, requestHostname: string) => Promise<LinkRecord>;

export function createBulkCreation(create: Create) {
  return {
    /**
     * Creates each item as a single POST /api/urls would, in order, and says
     * per item what that would have answered: one bad item never sinks the
     * others, and the plan limit holds item by item (each create locks the
     * account). A failure that is not the item's own (the database) fails
     * the batch while nothing is created yet; after that it ends the batch
     * with that status for this and every later item, so the caller learns
     * which links exist instead of a bare error. `onUnexpected` logs it.
     */
    async createMany(
      userId: number,
      items: unknown[],
      requestHostname: string,
      onUnexpected: (error: unknown) => void,
    ): Promise<BulkCreateResult[]> {
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
          if (!(error instanceof AppError)) {
            if (!results.some((result) => result.status === 201)) throw error;
            onUnexpected(error);
            const unavailable = isDatabaseUnavailable(error);
            const failed: BulkCreateResult = unavailable
              ? { status: 503, detail: ERROR_MESSAGES.SERVICE_UNAVAILABLE }
              : { status: 500, detail: ERROR_MESSAGES.INTERNAL };
            while (results.length < items.length) results.push(failed);
            return results;
          }
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

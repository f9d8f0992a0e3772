import { z } from "zod";
import { describe, expect, it } from "vitest";
import { ERROR_MESSAGES, ERROR_STATUS, planLimitMessage, registerRequestSchema, toValidationIssues } from "../src/index.js";

describe("the error table", () => {
  it("keeps the contract's exact messages and statuses", () => {
    expect(ERROR_MESSAGES.INVALID_CREDENTIALS).toBe("Incorrect email or password");
    expect(ERROR_MESSAGES.NOT_AUTHENTICATED).toBe("Could not validate credentials");
    expect(ERROR_MESSAGES.LINK_GONE).toBe("Short URL has expired or reached its click limit");
    expect(planLimitMessage(3)).toBe("Free plan limit: You can only create up to 3 URLs");
    expect(ERROR_STATUS).toMatchObject({ PLAN_LIMIT_REACHED: 403, LINK_GONE: 410, EMAIL_TAKEN: 409, INVALID_SHORT_CODE: 422 });
  });
});

describe("toValidationIssues", () => {
  it("gives FastAPI's loc, msg and type", () => {
    const result = registerRequestSchema.safeParse({ email: "nope", password: 5 }, { reportInput: true });
    expect(result.success).toBe(false);
    expect(toValidationIssues(result.error!.issues, "body")).toEqual([
      { loc: ["body", "email"], msg: "value is not a valid email address", type: "value_error.email" },
      { loc: ["body", "password"], msg: expect.any(String), type: "value_error.invalid_type" },
    ]);
  });

  it("keeps array indexes in loc and the location prefix", () => {
    const schema = z.object({ tags: z.array(z.string()) });
    const result = schema.safeParse({ tags: ["a", 1] }, { reportInput: true });
    expect(toValidationIssues(result.error!.issues, "query")[0]!.loc).toEqual(["query", "tags", 1]);
  });
});

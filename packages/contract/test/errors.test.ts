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

  it("words sizes as the rest of the API does, keeping a schema's own message", () => {
    const schema = z.object({
      urls: z.array(z.string()).min(1).max(2),
      name: z.string().min(2),
      count: z.number().max(5),
      code: z.string().min(3, { message: "too short for a code" }),
    });
    const result = schema.safeParse({ urls: [], name: "a", count: 9, code: "x" }, { reportInput: true });
    expect(toValidationIssues(result.error!.issues, "body")).toEqual([
      { loc: ["body", "urls"], msg: "ensure this value has at least 1 items", type: "value_error.list.min_items" },
      { loc: ["body", "name"], msg: "ensure this value has at least 2 characters", type: "value_error.any_str.min_length" },
      { loc: ["body", "count"], msg: "ensure this value is less than or equal to 5", type: "value_error.number.not_le" },
      { loc: ["body", "code"], msg: "too short for a code", type: "value_error.any_str.min_length" },
    ]);
    const tooMany = schema.shape.urls.safeParse(["a", "b", "c"], { reportInput: true });
    expect(toValidationIssues(tooMany.error!.issues, "body")).toEqual([
      { loc: ["body"], msg: "ensure this value has at most 2 items", type: "value_error.list.max_items" },
    ]);
  });
});

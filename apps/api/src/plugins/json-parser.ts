import fp from "fastify-plugin";
import { AppError } from "../lib/app-error.js";
import { keepReadingRefusedBody } from "./refused-body.js";

/**
 * JSON is the only body type (the login form adds its own, in its scope).
 * The SPA's apiFetch sends `Content-Type: application/json` on every request,
 * as the contract says, so an empty body (a DELETE) means "no body" rather
 * than malformed JSON; prototype-poisoning keys are still rejected. No
 * body is decompressed, so one that says it is compressed is refused (415)
 * rather than read as plain text.
 */
export default fp(
  async (app) => {
    const parseJson = app.getDefaultJsonParser("error", "error");
    app.removeContentTypeParser(["application/json", "text/plain"]);
    app.addContentTypeParser("application/json", { parseAs: "string" }, (request, body, done) => {
      const text = body.toString();
      if (text === "") return done(null, undefined);
      parseJson(request, text, done);
    });
    app.addHook("preParsing", async (request, reply) => {
      const encoding = request.headers["content-encoding"]?.trim().toLowerCase();
      const hasBody = request.headers["transfer-encoding"] !== undefined || Number(request.headers["content-length"] ?? 0) > 0;
      if (!encoding || encoding === "identity" || !hasBody) return;
      keepReadingRefusedBody(request, reply);
      throw new AppError("UNSUPPORTED_MEDIA_TYPE", `Content-Encoding ${encoding.slice(0, 40)} is not accepted: send the body uncompressed`);
    });
  },
  { name: "json-parser", fastify: "5.x" },
);

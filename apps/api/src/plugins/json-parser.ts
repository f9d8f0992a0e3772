import fp from "fastify-plugin";

/**
 * JSON is the only body type (the login form adds its own, in its scope).
 * The SPA's apiFetch sends `Content-Type: application/json` on every request,
 * as the contract says, so an empty body (a DELETE) means "no body" rather
 * than malformed JSON; prototype-poisoning keys are still rejected.
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
  },
  { name: "json-parser", fastify: "5.x" },
);

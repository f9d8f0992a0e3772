// The ceiling: a bare Fastify route answering the same 302, no logging, no work.
import Fastify from "fastify";

const app = Fastify({ logger: false });
app.get("/:code", (_request, reply) => reply.header("cache-control", "private, no-store").redirect("https://example.com/", 302));
await app.listen({ host: "127.0.0.1", port: Number(process.argv[2]) });

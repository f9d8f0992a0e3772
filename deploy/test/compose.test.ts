import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { TEMPLATE_VARIABLES } from "../nginx-template.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));
const read = (file: string) => readFileSync(path.join(root, file), "utf8");

interface Service {
  build?: { context: string; dockerfile: string };
  image?: string;
  environment?: Record<string, string>;
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
  ports?: string[];
  volumes?: string[];
}
const compose = parse(read("docker-compose.yml")) as { services: Record<string, Service>; volumes: Record<string, unknown> };
const { services } = compose;

describe("docker-compose.yml", () => {
  it("has postgres, redis, api and web, each with a healthcheck", () => {
    expect(Object.keys(services).sort()).toEqual(["api", "postgres", "redis", "web"]);
    for (const [name, service] of Object.entries(services)) expect(service.healthcheck?.test, name).toBeDefined();
    expect(services.api!.healthcheck!.test.join(" ")).toContain("/health");
  });

  it("starts each service only after what it needs is healthy", () => {
    expect(services.api!.depends_on).toEqual({ postgres: { condition: "service_healthy" }, redis: { condition: "service_healthy" } });
    expect(services.web!.depends_on).toEqual({ api: { condition: "service_healthy" } });
  });

  it("publishes one port, on the web service only", () => {
    const published = Object.entries(services).filter(([, s]) => s.ports?.length);
    expect(published.map(([name]) => name)).toEqual(["web"]);
    expect(services.web!.ports).toEqual(["${HTTP_PORT:-80}:80"]);
  });

  it("keeps Postgres data in a volume", () => {
    expect(services.postgres!.volumes).toEqual(["pgdata:/var/lib/postgresql/data"]);
    expect(compose.volumes).toHaveProperty("pgdata");
  });

  it("commits no secrets: they must come from the environment", () => {
    const env = services.api!.environment!;
    expect(env.NODE_ENV).toBe("production");
    expect(env.JWT_SECRET).toMatch(/^\$\{JWT_SECRET:\?/);
    expect(env.DATABASE_URL).toContain("${POSTGRES_PASSWORD:?");
    expect(services.postgres!.environment!.POSTGRES_PASSWORD).toMatch(/^\$\{POSTGRES_PASSWORD:\?/);
    const text = read("docker-compose.yml");
    expect(text).not.toMatch(/(PASSWORD|SECRET):\s*["']?[A-Za-z0-9+/=_-]{8,}["']?\s*$/m);
  });
});

describe("Dockerfiles", () => {
  const scripts = (file: string) => Object.keys((JSON.parse(read(file)) as { scripts: Record<string, string> }).scripts);

  it("build with the workspace's real scripts", () => {
    const api = read("docker/api.Dockerfile");
    const web = read("docker/web.Dockerfile");
    expect(api).toContain("pnpm --filter @shortly/api run build");
    expect(scripts("apps/api/package.json")).toContain("build");
    expect(web).toContain("pnpm --filter @shortly/web run build");
    expect(scripts("apps/web/package.json")).toContain("build");
    expect(scripts("packages/contract/package.json")).toContain("build");
    // The server migrates before it listens (under an advisory lock); the image needs the migrations beside it.
    expect(api).toContain('CMD ["node", "dist/server.js"]');
    expect(api).toContain("COPY --from=build /app/prisma prisma");
    // Each API container keeps its own click spool, writable by the unprivileged user.
    expect(api).toMatch(/ENV DATA_DIR=\/data SPOOL_DIR=\/data\/spool/);
    expect(api).toContain("VOLUME /data");
    expect(api.indexOf("chown node:node /data")).toBeLessThan(api.indexOf("USER node"));
    expect(services.api!.build!.dockerfile).toBe("docker/api.Dockerfile");
    expect(services.web!.build!.dockerfile).toBe("docker/web.Dockerfile");
  });

  it("fill in exactly the nginx.conf template's variables", () => {
    const web = read("docker/web.Dockerfile");
    const substituted = /envsubst '([^']+)'/
      .exec(web)![1]!
      .match(/\$\{(\w+)\}/g)!
      .map((v) => v.slice(2, -1));
    expect(substituted.sort()).toEqual([...TEMPLATE_VARIABLES].sort());
    const inTemplate = [
      ...new Set(
        read("nginx.conf")
          .match(/\$\{(\w+)\}/g)!
          .map((v) => v.slice(2, -1)),
      ),
    ];
    expect(inTemplate.sort()).toEqual([...TEMPLATE_VARIABLES].sort());
  });
});

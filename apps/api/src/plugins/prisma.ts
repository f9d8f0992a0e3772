import fp from "fastify-plugin";
import { createPrismaClient, type Db } from "../db/prisma-client.js";

declare module "fastify" {
  interface FastifyInstance {
    prisma: Db;
  }
}

export interface PrismaPluginOptions {
  databaseUrl: string;
  poolSize: number;
}

export default fp<PrismaPluginOptions>(
  async (app, { databaseUrl, poolSize }) => {
    const prisma = createPrismaClient(databaseUrl, poolSize);
    app.decorate("prisma", prisma);
    app.addHook("onClose", async () => {
      await prisma.$disconnect();
    });
  },
  { name: "prisma", fastify: "5.x" },
);

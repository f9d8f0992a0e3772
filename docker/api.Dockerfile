# The API image: builds with the workspace's own commands, runs migrations, then the server.
FROM node:20-bookworm-slim AS build
RUN npm i -g pnpm@10.34.9
WORKDIR /app
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml tsconfig.base.json ./
COPY packages/contract/package.json packages/contract/
COPY apps/api/package.json apps/api/
COPY apps/web/package.json apps/web/
COPY deploy/package.json deploy/
RUN CI=true pnpm install --frozen-lockfile --filter @shortly/api...
COPY packages/contract packages/contract
COPY prisma prisma
COPY apps/api apps/api
RUN pnpm --filter @shortly/contract run build && pnpm --filter @shortly/api run build \
  && CI=true pnpm install --frozen-lockfile --prod --filter @shortly/api...

FROM node:20-bookworm-slim
ENV NODE_ENV=production PORT=8080 HOST=0.0.0.0
WORKDIR /app
COPY --from=build /app/package.json /app/pnpm-workspace.yaml ./
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/packages/contract/package.json packages/contract/
COPY --from=build /app/packages/contract/dist packages/contract/dist
COPY --from=build /app/packages/contract/node_modules packages/contract/node_modules
COPY --from=build /app/prisma prisma
COPY --from=build /app/apps/api/package.json /app/apps/api/prisma.config.ts apps/api/
COPY --from=build /app/apps/api/scripts apps/api/scripts
COPY --from=build /app/apps/api/dist apps/api/dist
COPY --from=build /app/apps/api/node_modules apps/api/node_modules
# The click spool: per container (an anonymous volume each, also with --scale), kept across restarts.
RUN mkdir -p /data && chown node:node /data
ENV DATA_DIR=/data SPOOL_DIR=/data/spool
VOLUME /data
USER node
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
WORKDIR /app/apps/api
# The server applies pending migrations itself, under an advisory lock, before it listens.
CMD ["node", "dist/server.js"]

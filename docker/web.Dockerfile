# The web image: the built SPA served by nginx with the repo's nginx.conf template.
FROM node:20-bookworm-slim AS build
RUN npm i -g pnpm@10.34.9
WORKDIR /app
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml tsconfig.base.json ./
COPY packages/contract/package.json packages/contract/
COPY apps/api/package.json apps/api/
COPY apps/web/package.json apps/web/
COPY deploy/package.json deploy/
RUN CI=true pnpm install --frozen-lockfile --filter @shortly/web...
COPY packages/contract packages/contract
COPY apps/web apps/web
RUN pnpm --filter @shortly/contract run build && pnpm --filter @shortly/web run build

FROM nginx:1.27-alpine
COPY nginx.conf /etc/nginx/nginx.conf.template
COPY --from=build /app/apps/web/dist /usr/share/nginx/html
ENV LISTEN_PORT=80 WEB_ROOT=/usr/share/nginx/html API_UPSTREAM_SERVERS="server api:8080;"
HEALTHCHECK --interval=10s --timeout=3s --retries=3 CMD wget -qO- http://127.0.0.1/ >/dev/null || exit 1
CMD ["/bin/sh", "-c", "envsubst '${LISTEN_PORT} ${WEB_ROOT} ${API_UPSTREAM_SERVERS}' < /etc/nginx/nginx.conf.template > /etc/nginx/nginx.conf && exec nginx -g 'daemon off;'"]

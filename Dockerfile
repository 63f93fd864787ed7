# syntax=docker/dockerfile:1
# Production image: Node 22 LTS, compiled JavaScript only, runs as the unprivileged `node` user.
# MongoDB and Redis come from the environment (see docker-compose.yml); no embedded servers in the image.
# Reproducible: an exact base image (add its @sha256 digest where the registry is reachable: README → Docker), the
# lockfile installed as it is (`npm ci`), nothing fetched at run time.
ARG NODE_IMAGE=node:22.16.0-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY config ./config
COPY src ./src
COPY handlers ./handlers
COPY jobs ./jobs
COPY web ./web
RUN npm run build && npm prune --omit=dev --ignore-scripts

FROM ${NODE_IMAGE}
ENV NODE_ENV=production PORT=3000 XIAOER_DATA_DIR=/data
WORKDIR /app
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY bin ./bin
COPY config/demo-directory.yaml ./config/demo-directory.yaml
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 3000
# main.ts stops cleanly on SIGTERM within 8 s (compose's stop_grace_period is 10 s)
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "dist/src/main.js"]

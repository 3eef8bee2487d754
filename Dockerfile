# syntax=docker/dockerfile:1
# newsdesk as one container: the bot (Slack and/or Discord, digests, live corpus) in one Node process.
#   docker build -t newsdesk .
#   docker compose up -d          (compose.yml: settings from .env, corpus and data as volumes)
# See README "Run in a container".

# --- build: install from the lockfile, compile TypeScript into dist/, drop dev dependencies -----
FROM node:20-slim AS build
# better-sqlite3 downloads a prebuilt binary when one matches; this toolchain builds it when none does.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
# Dependencies in their own layer, reused while only the sources change. `prepare` (the build)
# needs the sources, so scripts are skipped here and the two packages that need theirs rebuilt.
RUN npm ci --ignore-scripts --no-audit --no-fund \
 && npm rebuild better-sqlite3 esbuild
COPY tsconfig.json tsconfig.build.json ./
COPY bin ./bin
COPY scripts/build.ts ./scripts/build.ts
COPY src ./src
COPY commands ./commands
RUN npm run build \
 && npm prune --omit=dev --no-audit --no-fund

# --- run: compiled code and production dependencies only, as the unprivileged `node` user ------
FROM node:20-slim
ENV NODE_ENV=production \
    CORPUS_DIR=/corpus \
    DATA_DIR=/data \
    HEALTH_PORT=8080
WORKDIR /app
# Owned by root and read-only to the process: the code cannot be changed by what runs it.
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/bin ./bin
COPY --from=build /app/dist ./dist
# /data must be writable by `node` (a named volume starts with this folder's owner); /corpus is only read.
RUN mkdir -p /corpus /data && chown node:node /data
USER node
VOLUME ["/corpus", "/data"]
# 8080: /healthz, /readyz, /metrics (HEALTH_PORT). 3000: Slack's HTTP mode (SLACK_PORT); Socket Mode and Discord open no port.
EXPOSE 8080 3000
# node's own fetch, so the image needs no curl. Alive = the process answers /healthz.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.HEALTH_PORT || 8080) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# No heap cap here: one process on the compact engine holds the library in its heap, which grows with
# the archive. Bot replicas on PostgreSQL hold none and run with NODE_OPTIONS=--max-old-space-size=160,
# set where they are launched (compose.scale.yml; README "Scaling out").
# Node as the process that receives SIGTERM: newsdesk stops within 8 s (compose allows 15).
CMD ["node", "bin/newsdesk.js", "start"]

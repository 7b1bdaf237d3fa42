# syntax=docker/dockerfile:1
# Stocktake Live API image (docs/operations.md, "Container image").
# .ci/image-start replays the runtime stage without Docker: it copies what
# the runtime stage's COPY lines name, so keep them simple (one source
# path per line, or package.json and package-lock.json together).

# Build: dev dependencies compile the TypeScript.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

# Runtime: production dependencies only. No embedded PostgreSQL (an optional
# dependency, left out): the image always runs with DATABASE_URL.
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=4000 \
    DATA_DIR=/app/data
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --omit=optional --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
# The live demo's static files (served at /demo only outside production; see README, "Live demo").
COPY demo ./demo
# The code stays root-owned and read-only to the server; only DATA_DIR is the node user's.
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/readyz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# The admin command line: `docker run IMAGE migrate`, `docker compose run --rm api token …`.
ENTRYPOINT ["node", "dist/src/cli.js"]
CMD ["serve"]

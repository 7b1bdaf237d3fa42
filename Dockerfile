# Build the TypeScript, then run the compiled server with production dependencies only.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --omit=dev
COPY --from=build /app/dist ./dist
# The live demo's static files (served at /demo only outside production; see README, "Live demo").
COPY demo ./demo
USER node
EXPOSE 4000
CMD ["node", "dist/src/main.js"]

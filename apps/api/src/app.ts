import { timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { trpcServer } from '@hono/trpc-server';
import { TRPCError } from '@trpc/server';
import type { TRPCRequestInfo } from '@trpc/server/http';
import { TRPC_ERROR_CODES_BY_KEY } from '@trpc/server/rpc';
import { MAX_BATCH_SIZE } from '@canteen/shared';
import type { User } from '@canteen/db';
import type { MikroORM } from '@mikro-orm/postgresql';
import { Hono, type Context as HonoContext, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { getCookie } from 'hono/cookie';
import { serialize } from 'hono/utils/cookie';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { routePath } from 'hono/route';
import { pingDatabase } from './database';
import { AppError, isDatabaseUnavailable, serviceUnavailable } from './errors';
import type { Deps } from './deps';
import { httpRequestDuration, metricsText, statusClass } from './lib/metrics';
import { ACCESS_RULES, type AccessRule } from './lib/access';
import { clientIp } from './lib/client-ip';
import { menuResponses } from './lib/menu-responses';
import { RateLimitedError } from './lib/rate-limit';
import { readTargetFor } from './lib/replica';
import { SpanKind, inSpan } from './lib/tracing';
import type { Logger } from './logger';
import { userForAccessToken, userForStreamTicket } from './modules/auth/auth.service';
import { paymentRoutes } from './modules/payment/payment.http';
import { csvRoutes } from './modules/report/report.csv';
import { appRouter } from './trpc/app-router';
import { type ClientInfo, type ContextInner, createContextInner } from './trpc/context';

export const REFRESH_COOKIE = 'canteen_refresh';

type AppEnv = {
  Variables: {
    requestId: string;
    logger: Logger;
    /** The role tRPC's context found for the caller (lib/menu-responses.ts keys the answer it built by it). */
    callerRole?: User['role'] | null;
  };
};

export type AppOptions = {
  orm: MikroORM;
  logger: Logger;
  deps: Deps;
  cookieSecure: boolean;
  trustProxy: boolean;
  trustedOrigins: string[];
  /** PUBLIC_URL's origin: when set, our own origin for the Origin check, instead of one derived from Host. */
  publicOrigin?: string | undefined;
  /** JSON answers at least this large are compressed; default 1024 bytes. */
  compressMinBytes?: number | undefined;
  webDist?: string | undefined;
  /**
   * GET /metrics on this port: `open` (development), `token` (a bearer token, compared in constant time), or `off`
   * (production without a token, or metrics served on their own port instead; see `createMetricsApp`).
   * Default: open, for tests; the server always sets it from METRICS_TOKEN and METRICS_PORT.
   */
  metrics?: { kind: 'open' } | { kind: 'token'; token: string } | { kind: 'off' } | undefined;
};

/** The access rule a procedure declares in its meta (`enforceAccess` checks the same). */
const accessRuleOf = (path: string): AccessRule | undefined => {
  const procedures = appRouter._def.procedures as Record<string, { _def?: { meta?: { access?: AccessRule } } } | undefined>;
  const rule = Object.hasOwn(procedures, path) ? procedures[path]?._def?.meta?.access : undefined;
  return rule && ACCESS_RULES.includes(rule) ? rule : undefined;
};

/**
 * Who is calling: the bearer token of the `Authorization` header. An EventSource (`live.events`) cannot send
 * headers, so a stream names its caller in a connection parameter instead: a stream ticket (`live.ticket`, what
 * the web app sends; accepted for `live.events` only) or an access token (for clients such as curl).
 */
const callerOf = async (
  ctx: Pick<ContextInner, 'em' | 'deps'>,
  header: string | undefined,
  info: Pick<TRPCRequestInfo, 'calls' | 'connectionParams'>,
): Promise<User | null> => {
  if (header?.startsWith('Bearer ')) return userForAccessToken(ctx, header.slice(7).trim());
  const params = info.connectionParams;
  const isStream = info.calls.length > 0 && info.calls.every((call) => call.path === 'live.events');
  if (params?.['ticket'] && isStream) return userForStreamTicket(ctx, params['ticket']);
  if (params?.['token']) return userForAccessToken(ctx, params['token']);
  return null;
};

/** Assets carry a content hash in their name: cached for a year. Everything else is revalidated. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Cookies are written to tRPC's response headers: the fetch adapter builds its own Response, so headers set on
 * the Hono context would be dropped.
 */
const clientInfo = (c: HonoContext<AppEnv>, resHeaders: Headers, options: AppOptions): ClientInfo => {
  const cookie = (value: string, expires: Date) =>
    serialize(REFRESH_COOKIE, value, {
      httpOnly: true,
      secure: options.cookieSecure,
      sameSite: 'Strict',
      path: '/trpc',
      expires,
    });
  const origin = c.req.header('origin');
  // Behind a proxy that rewrites Host, or reached by another name, the configured public URL is who we are.
  const ownOrigin = options.publicOrigin ?? new URL(c.req.url).origin;
  return {
    requestId: c.var.requestId,
    ip: clientIp(c, options.trustProxy),
    userAgent: c.req.header('user-agent')?.slice(0, 400) ?? null,
    isOriginTrusted: origin !== undefined && (origin === ownOrigin || options.trustedOrigins.includes(origin)),
    readRefreshToken: () => getCookie(c, REFRESH_COOKIE),
    writeRefreshToken: (token, expiresAt) => resHeaders.append('set-cookie', cookie(token, expiresAt)),
    clearRefreshToken: () => resHeaders.append('set-cookie', cookie('', new Date(0))),
  };
};

/**
 * The procedures one tRPC request calls: `/trpc/a,b,c?batch=1` is three. The path is decoded as tRPC decodes it
 * (so `%2C` counts too); a batch above the server limit runs nothing and costs a full batch.
 */
const procedurePaths = (c: HonoContext): string[] => {
  const url = new URL(c.req.url);
  const raw = url.pathname.replace(/^\/trpc\/?/, '');
  let path = raw;
  try {
    path = decodeURIComponent(raw);
  } catch {
    // tRPC answers BAD_REQUEST for it; it still costs one call.
  }
  return url.searchParams.get('batch') === '1' ? path.split(',') : [path];
};

/**
 * A refused request answers as tRPC itself would: one error per call of a batch (or one error), each with
 * data.code TOO_MANY_REQUESTS and reason RATE_LIMITED, so the web app shows "Too many attempts ...".
 */
const rateLimited = (c: HonoContext<AppEnv>, error: RateLimitedError, paths: string[]) => {
  const shape = (path: string) => ({
    error: {
      message: error.message,
      code: TRPC_ERROR_CODES_BY_KEY.TOO_MANY_REQUESTS,
      data: {
        code: 'TOO_MANY_REQUESTS',
        httpStatus: 429,
        path,
        reason: 'RATE_LIMITED',
        zodError: null,
        requestId: c.var.requestId,
      },
    },
  });
  c.header('Retry-After', String(error.retryAfterSeconds));
  const isBatch = new URL(c.req.url).searchParams.get('batch') === '1';
  return c.json(isBatch ? paths.map(shape) : shape(paths[0] ?? ''), 429);
};

/**
 * tRPC builds its JSON answers in memory but without a Content-Length, so compress() could not tell a 30-byte
 * answer from a 40 KB menu and would gzip them all. Give them one; streamed answers (chunked) are left alone.
 */
const measureJson: MiddlewareHandler = async (c, next) => {
  await next();
  const { res } = c;
  const isJson = res.headers.get('content-type')?.startsWith('application/json') ?? false;
  if (!isJson || !res.body || res.headers.has('content-length') || res.headers.has('transfer-encoding')) return;
  const body = await res.arrayBuffer();
  const measured = new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
  measured.headers.set('content-length', String(body.byteLength));
  c.res = measured;
};

/**
 * GET /metrics as configured: a wrong or missing token is 401 with a challenge, metrics that are off are a plain
 * 404 (not the web app's HTML).
 */
const metricsHandler =
  (metrics: NonNullable<AppOptions['metrics']>): MiddlewareHandler =>
  async (c) => {
    if (metrics.kind === 'off') return c.text('Not found', 404);
    if (metrics.kind === 'token') {
      const header = c.req.header('authorization') ?? '';
      const given = Buffer.from(header.startsWith('Bearer ') ? header.slice(7).trim() : '');
      const expected = Buffer.from(metrics.token);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        c.header('WWW-Authenticate', 'Bearer realm="metrics"');
        return c.text('Unauthorized', 401);
      }
    }
    const { contentType, body } = await metricsText();
    c.header('Cache-Control', 'no-store');
    return c.body(body, 200, { 'Content-Type': contentType });
  };

/** Metrics alone, for METRICS_PORT: a listener that serves GET /metrics and nothing else. */
export const createMetricsApp = (): Hono => {
  const app = new Hono();
  app.get('/metrics', metricsHandler({ kind: 'open' }));
  return app;
};

/** The whole HTTP surface: request id → logging → secure headers → health → tRPC → the web app. */
export const createApp = (options: AppOptions): Hono<AppEnv> => {
  const { orm, logger, deps } = options;
  const app = new Hono<AppEnv>();

  app.use(requestId());
  app.use(async (c, next) => {
    const log = logger.child({ requestId: c.var.requestId });
    c.set('logger', log);
    const started = performance.now();
    const attributes = { 'http.request.method': c.req.method, 'url.path': c.req.path, 'canteen.request_id': c.var.requestId };
    await inSpan(`HTTP ${c.req.method}`, { kind: SpanKind.SERVER, attributes }, async (span) => {
      await next();
      span?.updateName(`${c.req.method} ${routePath(c, -1)}`);
      span?.setAttributes({ 'http.route': routePath(c, -1), 'http.response.status_code': c.res.status });
    });
    // tRPC's adapter builds its own Response, which the requestId middleware's header does not reach.
    if (!c.res.headers.has('x-request-id')) c.res.headers.set('x-request-id', c.var.requestId);
    const ms = performance.now() - started;
    // The route is the pattern that answered (`/trpc/*`, `/health/ready`, `*` for the web app), never the raw path.
    httpRequestDuration.observe(
      { method: c.req.method, route: routePath(c, -1) || 'none', status: statusClass(c.res.status) },
      ms / 1000,
    );
    log.info({ method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(ms) }, 'request');
  });
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'https:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
      crossOriginEmbedderPolicy: false,
      strictTransportSecurity: options.cookieSecure ? 'max-age=31536000; includeSubDomains' : false,
      // The same rule as frame-ancestors 'none', for browsers that only know the older header.
      xFrameOptions: 'DENY',
    }),
  );

  app.get('/health/live', (c) => c.json({ status: 'ok' }));
  app.get('/metrics', metricsHandler(options.metrics ?? { kind: 'open' }));
  app.get('/health/ready', async (c) => {
    try {
      await pingDatabase(orm);
      return c.json({ status: 'ok', database: 'ok' });
    } catch (error) {
      c.var.logger.error({ err: error }, 'readiness check failed');
      return c.json({ status: 'unavailable', database: 'down' }, 503);
    }
  });

  app.use(
    '/trpc/*',
    compress({ threshold: options.compressMinBytes ?? 1024 }),
    measureJson,
    bodyLimit({ maxSize: 1024 * 1024, onError: (c) => c.json({ error: 'Request body too large' }, 413) }),
    // The per-address budget counts procedure calls, not HTTP requests: a batch of 20 costs 20.
    async (c, next) => {
      const paths = procedurePaths(c);
      try {
        await deps.rateLimits.consume(
          'api',
          clientIp(c, options.trustProxy) ?? 'unknown',
          Math.min(paths.length, MAX_BATCH_SIZE),
        );
      } catch (error) {
        if (error instanceof RateLimitedError) return rateLimited(c, error, paths);
        throw error;
      }
      return next();
    },
    menuResponses({ orm, deps, ruleOf: accessRuleOf }),
    trpcServer({
      router: appRouter,
      endpoint: '/trpc',
      maxBatchSize: MAX_BATCH_SIZE,
      createContext: async (opts, c) => {
        const em = orm.em.fork();
        const user = await callerOf({ em, deps }, c.req.header('authorization'), opts.info).catch((error: unknown) => {
          // The database is down (a restart, a failover): a quick 503 the client can retry, not a 500.
          if (!isDatabaseUnavailable(error)) throw error;
          const unavailable = serviceUnavailable(error);
          throw new TRPCError({ code: unavailable.code, message: unavailable.message, cause: unavailable });
        });
        (c as HonoContext<AppEnv>).set('callerRole', user?.role ?? null);
        const log = (c as HonoContext<AppEnv>).var.logger;
        return createContextInner({
          em,
          user,
          readFrom: await readTargetFor(deps.recentWrites, user?.id ?? null),
          logger: user ? log.child({ userId: user.id }) : log,
          client: clientInfo(c as HonoContext<AppEnv>, opts.resHeaders, options),
          deps,
        });
      },
      onError: ({ error, path, ctx }) => {
        const log = (ctx as { logger?: Logger } | undefined)?.logger ?? logger;
        if (error.code === 'INTERNAL_SERVER_ERROR') log.error({ err: error, path }, 'procedure failed');
        else log.debug({ code: error.code, path }, 'procedure rejected');
      },
    }),
  );

  app.route('/', paymentRoutes({ orm, payments: deps.payments, trustProxy: options.trustProxy }));
  app.route('/', csvRoutes({ orm, deps }));

  if (options.webDist && existsSync(join(options.webDist, 'index.html'))) {
    const root = resolve(options.webDist);
    // The build writes name.br and name.gz beside each text file; the client's Accept-Encoding picks one.
    const files = (cacheControl: string, path?: string): MiddlewareHandler => {
      const serve = serveStatic({ root, path, precompressed: true });
      return async (c, next) => {
        const response = await serve(c, next);
        // Only on the file's own response: a request that fell through (to a 404) gets neither header.
        if (response instanceof Response) {
          response.headers.set('Cache-Control', cacheControl);
          response.headers.set('Vary', 'Accept-Encoding');
          return response;
        }
        return undefined;
      };
    };
    // Source maps never leave the server, even from a build that made them.
    app.use('*', async (c, next) => (c.req.path.endsWith('.map') ? c.notFound() : next()));
    app.use('/assets/*', files(IMMUTABLE));
    // A missing chunk is a 404, never the app's HTML under a year-long cache.
    app.get('/assets/*', (c) => c.notFound());
    app.use('*', files('no-cache'));
    // Every other page is the single-page app, which routes in the browser.
    const indexHtml = files('no-cache', 'index.html');
    app.use('*', async (c, next) =>
      c.req.path.startsWith('/trpc') || c.req.path.startsWith('/health') ? next() : indexHtml(c, next),
    );
  }

  app.onError((error, c) => {
    if (error instanceof HTTPException) return error.getResponse();
    const isUnavailable = error instanceof AppError ? error.code === 'SERVICE_UNAVAILABLE' : isDatabaseUnavailable(error);
    if (isUnavailable) {
      c.header('Retry-After', '2');
      return c.json({ error: serviceUnavailable().message, reason: 'SERVICE_UNAVAILABLE', requestId: c.var.requestId }, 503);
    }
    c.var.logger.error({ err: error }, 'unhandled error');
    return c.json({ error: 'Internal error', requestId: c.var.requestId }, 500);
  });

  return app;
};

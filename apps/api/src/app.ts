import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { getConnInfo } from '@hono/node-server/conninfo';
import { serveStatic } from '@hono/node-server/serve-static';
import { trpcServer } from '@hono/trpc-server';
import type { MikroORM } from '@mikro-orm/postgresql';
import { Hono, type Context as HonoContext } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getCookie } from 'hono/cookie';
import { serialize } from 'hono/utils/cookie';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import type { Deps } from './deps';
import { AppError } from './errors';
import type { Logger } from './logger';
import { userForAccessToken } from './modules/auth/auth.service';
import { appRouter } from './trpc/app-router';
import { createContextInner, type ClientInfo } from './trpc/context';

export const REFRESH_COOKIE = 'canteen_refresh';
export const MAX_BATCH_SIZE = 20;

type AppEnv = { Variables: { requestId: string; logger: Logger } };

export type AppOptions = {
  orm: MikroORM;
  logger: Logger;
  deps: Deps;
  cookieSecure: boolean;
  trustProxy: boolean;
  trustedOrigins: string[];
  webDist?: string | undefined;
};

const clientIp = (c: HonoContext, trustProxy: boolean): string | null => {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded.slice(0, 64);
  }
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null;
  }
};

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
  const ownOrigin = new URL(c.req.url).origin;
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

/** The whole HTTP surface: request id → logging → secure headers → health → tRPC → the web app. */
export const createApp = (options: AppOptions): Hono<AppEnv> => {
  const { orm, logger, deps } = options;
  const app = new Hono<AppEnv>();

  app.use(requestId());
  app.use(async (c, next) => {
    const log = logger.child({ requestId: c.var.requestId });
    c.set('logger', log);
    const started = performance.now();
    await next();
    log.info(
      { method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - started) },
      'request',
    );
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
    }),
  );

  app.get('/health/live', (c) => c.json({ status: 'ok' }));
  app.get('/health/ready', async (c) => {
    try {
      await orm.em.fork().getConnection().execute('select 1');
      return c.json({ status: 'ok', database: 'ok' });
    } catch (error) {
      c.var.logger.error({ err: error }, 'readiness check failed');
      return c.json({ status: 'unavailable', database: 'down' }, 503);
    }
  });

  app.use(
    '/trpc/*',
    bodyLimit({ maxSize: 1024 * 1024, onError: (c) => c.json({ error: 'Request body too large' }, 413) }),
    async (c, next) => {
      try {
        await deps.rateLimits.consume('api', clientIp(c, options.trustProxy) ?? 'unknown');
      } catch (error) {
        if (error instanceof AppError)
          return c.json({ error: { message: error.message, data: { code: 'TOO_MANY_REQUESTS', reason: 'RATE_LIMITED' } } }, 429);
        throw error;
      }
      return next();
    },
    trpcServer({
      router: appRouter,
      endpoint: '/trpc',
      maxBatchSize: MAX_BATCH_SIZE,
      createContext: async (opts, c) => {
        const em = orm.em.fork();
        const header = c.req.header('authorization');
        const bearer = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
        const user = bearer ? await userForAccessToken({ em, deps }, bearer) : null;
        const log = (c as HonoContext<AppEnv>).var.logger;
        return createContextInner({
          em,
          user,
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

  if (options.webDist && existsSync(join(options.webDist, 'index.html'))) {
    const root = resolve(options.webDist);
    const indexHtml = readFileSync(join(root, 'index.html'), 'utf8');
    app.use(
      '/assets/*',
      serveStatic({ root, onFound: (_path, c) => c.header('Cache-Control', 'public, max-age=31536000, immutable') }),
    );
    app.use('*', serveStatic({ root }));
    app.get('*', (c) => {
      if (c.req.path.startsWith('/trpc') || c.req.path.startsWith('/health')) return c.notFound();
      c.header('Cache-Control', 'no-cache');
      return c.html(indexHtml);
    });
  }

  app.onError((error, c) => {
    if (error instanceof HTTPException) return error.getResponse();
    c.var.logger.error({ err: error }, 'unhandled error');
    return c.json({ error: 'Internal error' }, 500);
  });

  return app;
};

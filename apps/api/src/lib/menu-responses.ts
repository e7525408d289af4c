import { createHash } from 'node:crypto';
import type { EntityData } from '@mikro-orm/core';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { User } from '@canteen/db';
import { MENU_QUERY_PATHS } from '@canteen/shared';
import type { Context, Env, MiddlewareHandler } from 'hono';
import type { Deps } from '../deps';
import { mayUseAccessToken } from '../modules/auth/auth.service';
import { type AccessRule, canAccess } from './access';
import type { CachedResponse } from './menu-cache';

/** The menu's queries: the same answer for everyone of one role, built from the menu cache. */
const MENU_QUERIES = new Set(MENU_QUERY_PATHS);

/** Revalidated on every use (no-cache), never by a shared cache (private): an answer for a signed-in person. */
const CACHE_CONTROL = 'private, no-cache';

const etagOf = (body: Uint8Array) => `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;

const matches = (ifNoneMatch: string | undefined, etag: string) =>
  ifNoneMatch !== undefined && ifNoneMatch.split(',').some((tag) => tag.trim() === etag || tag.trim() === `W/${etag}`);

const answer = <E extends Env>(c: Context<E>, response: CachedResponse): Response => {
  if (matches(c.req.header('if-none-match'), response.etag)) {
    return c.body(null, 304, { ETag: response.etag, 'Cache-Control': CACHE_CONTROL });
  }
  return c.body(response.body as Uint8Array<ArrayBuffer>, 200, {
    'Content-Type': response.contentType,
    'Content-Length': String(response.body.byteLength),
    ETag: response.etag,
    'Cache-Control': CACHE_CONTROL,
  });
};

type Options = {
  orm: MikroORM;
  deps: Deps;
  /** The access rule a procedure declares (its meta), the one `enforceAccess` checks. */
  ruleOf: (path: string) => AccessRule | undefined;
};

/**
 * Whole answers of the menu's queries (docs/PERFORMANCE.md, ADR 11). A GET of one of MENU_QUERIES by a person
 * whose token and row are known to this process (the verified-token memory and the user cache, so the same
 * `mayUseAccessToken` decision as every request) is answered with the bytes tRPC produced for the same input and
 * role, checked against the output schema when they were built; with the answer's ETag in If-None-Match, with a
 * 304. Anything else goes to tRPC, whose 200 answers are then kept (with the menu cache's generation, so a menu
 * write drops them everywhere) and get an ETag. Runs after the address's rate limit.
 */
export const menuResponses =
  ({ orm, deps, ruleOf }: Options): MiddlewareHandler<{ Variables: { callerRole?: User['role'] | null } }> =>
  async (c, next) => {
    if (c.req.method !== 'GET') return next();
    const url = new URL(c.req.url);
    const path = url.pathname.slice('/trpc/'.length);
    const rule = ruleOf(path);
    if (!MENU_QUERIES.has(path) || url.searchParams.has('batch') || !rule) return next();
    const header = c.req.header('authorization');
    const bearer = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    const claims = bearer ? await deps.tokens.verify(bearer) : null;
    /** One answer per procedure, input (as sent) and role. */
    const keyOf = (role: User['role']) => `${path}?${url.searchParams.get('input') ?? ''}|${role}`;
    /** The answer's key for this caller, when this process can decide without the database that they may have it. */
    const keyFor = async (person: EntityData<User> | undefined): Promise<string | null> => {
      if (!claims || !person?.role || !mayUseAccessToken(person as Parameters<typeof mayUseAccessToken>[0], claims)) return null;
      const role = person.role as User['role'];
      if (!canAccess(role, rule)) return null;
      const gate = { role, totpEnabledAt: (person.totpEnabledAt as Date | null | undefined) ?? null };
      if (await deps.settings.mustEnrolTotp(() => orm.em.fork(), gate)) return null;
      return keyOf(role);
    };
    const ticket = deps.menuCache.responses.ticket();
    // A person not cached (or whose entry just expired) is loaded here, not through tRPC's whole request; when the
    // database cannot say, tRPC answers (a 503 while it is down).
    const person = claims
      ? (deps.users.peek(claims.sub) ??
        (await deps.users.load(orm.em.fork(), claims.sub).then(
          () => deps.users.peek(claims.sub),
          () => undefined,
        )))
      : undefined;
    const known = await keyFor(person);
    const hit = known ? deps.menuCache.responses.get(known) : undefined;
    if (hit) return answer(c, hit);

    await next();
    // Kept under the role tRPC built it for (its context's), never a role read afterwards: a change in between
    // must not file one role's answer under another's.
    const role = c.get('callerRole');
    if (c.res.status !== 200 || !claims || !role) return;
    const key = keyOf(role);
    const body = new Uint8Array(await c.res.clone().arrayBuffer());
    const response = { body, etag: etagOf(body), contentType: c.res.headers.get('content-type') ?? 'application/json' };
    deps.menuCache.responses.put(ticket, key, response);
    c.res = answer(c, response);
  };

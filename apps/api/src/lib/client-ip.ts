import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context as HonoContext } from 'hono';

/** The client's address: the first X-Forwarded-For hop behind our own proxy (TRUST_PROXY), else the socket's. */
export const clientIp = (c: HonoContext, trustProxy: boolean): string | null => {
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

import type { StoredLiveEvent } from '@canteen/db';
import { parseLiveKey } from '@canteen/db';
import { type LiveEvent, type LiveEventsInput, type LiveTicket, canAccess } from '@canteen/shared';
import { tracked } from '@trpc/server';
import { requireRole } from '../../lib/access';
import type { LiveItem } from '../../lib/live';
import type { ContextInner } from '../../trpc/context';

type Ctx = Pick<ContextInner, 'user' | 'deps'>;

/** A ticket that opens the caller's own stream for a minute (docs/adr/0014-kitchen-and-live-events.md). */
export const streamTicket = async (ctx: Ctx): Promise<LiveTicket> => {
  const user = requireRole(ctx.user, 'signedIn');
  const { token, expiresAt } = await ctx.deps.tokens.signTicket(user.id);
  return { ticket: token, expiresAt: expiresAt.toISOString() };
};

/**
 * Who sees an event, decided per event and per person like a query's scope: the menu's changes everyone signed
 * in; an order's and a wallet's only their owner; tickets only the kitchen (staff, managers, admins) and only when
 * asked for.
 */
const mayReceive = (user: NonNullable<Ctx['user']>, wantsKitchen: boolean) => (event: StoredLiveEvent) => {
  switch (event.audience) {
    case 'all':
      return true;
    case 'user':
      return event.userId === user.id;
    case 'kitchen':
      return wantsKitchen && canAccess(user.role, 'kitchen');
    default:
      return false;
  }
};

/**
 * The person's live events as a tRPC subscription (server-sent events). Every event carries its id, so the client
 * resumes after the last one it got (`lastEventId`) without a gap. The stream ends after `maxDurationMs` (set in
 * trpc/init.ts) and the client reconnects with a fresh token: a signed-out or demoted person stops receiving.
 */
export const liveEvents = (ctx: Ctx, input: LiveEventsInput, signal: AbortSignal | undefined) => {
  // Checked before the stream opens, so a refusal is the HTTP answer (403), not an event.
  const user = requireRole(ctx.user, 'signedIn');
  if (input.kitchen) requireRole(user, 'kitchen');
  return deliver(
    ctx.deps.live.subscribe({ after: parseLiveKey(input.lastEventId), signal: signal ?? new AbortController().signal }),
    mayReceive(user, Boolean(input.kitchen)),
  );
};

async function* deliver(stream: AsyncGenerator<LiveItem, void, undefined>, accepts: (event: StoredLiveEvent) => boolean) {
  for await (const item of stream) {
    // No id for these two: a reconnect resumes after the last real event.
    if (item === 'live' || item === 'resync') yield { type: item } satisfies LiveEvent;
    else if (accepts(item)) yield tracked(item.key, item.payload as LiveEvent);
  }
}

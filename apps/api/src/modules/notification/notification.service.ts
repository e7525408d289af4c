import { kysely, Notification, NotificationSettings, User } from '@canteen/db';
import type { NotificationSettings as Settings } from '@canteen/shared';
import { CursorKeys } from '@canteen/shared';
import type { z } from 'zod';
import type {
  MarkNotificationsReadInputSchema,
  NotificationListInputSchema,
  UpdateNotificationSettingsInputSchema,
} from '@canteen/shared';
import { AppError } from '../../errors';
import { requireRole } from '../../lib/access';
import { decodeCursor, encodeCursor } from '../../lib/cursor';
import type { ContextInner } from '../../trpc/context';
import { DEFAULT_EMAIL_KINDS } from './notifier';

type Ctx = Pick<ContextInner, 'em' | 'user' | 'deps'>;

const unreadCount = async (ctx: Ctx, userId: string): Promise<number> => {
  const row = await kysely(ctx.em)
    .selectFrom('Notification')
    .select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('n'))
    .where('user', '=', userId)
    .where('readAt', 'is', null)
    .executeTakeFirstOrThrow();
  return row.n;
};

/** The bell: the person's own notifications, newest first, and how many are unread. */
export const listNotifications = async (ctx: Ctx, input: z.output<typeof NotificationListInputSchema>) => {
  const user = requireRole(ctx.user, 'user');
  const cursor = decodeCursor(input.cursor, CursorKeys.id);
  let query = kysely(ctx.em)
    .selectFrom('Notification')
    .select(['id', 'kind', 'payload', 'createdAt', 'readAt'])
    .where('user', '=', user.id);
  if (input.unreadOnly) query = query.where('readAt', 'is', null);
  if (cursor) query = query.where('id', '<', cursor[0]);
  const rows = await query
    .orderBy('id', 'desc')
    .limit(input.limit + 1)
    .execute();
  const page = rows.slice(0, input.limit);
  return {
    items: page.map((row) => ({
      ...row,
      createdAt: row.createdAt.toISOString(),
      readAt: row.readAt?.toISOString() ?? null,
    })),
    nextCursor: rows.length > input.limit && page.at(-1) ? encodeCursor([page.at(-1)!.id]) : null,
    unreadCount: await unreadCount(ctx, user.id),
  };
};

/** Marks the person's own notifications read (others' ids are ignored); returns the unread count left. */
export const markRead = async (ctx: Ctx, input: z.output<typeof MarkNotificationsReadInputSchema>) => {
  const user = requireRole(ctx.user, 'user');
  const notifications = await ctx.em.find(Notification, {
    user: user.id,
    readAt: null,
    ...('ids' in input ? { id: { $in: input.ids } } : {}),
  });
  const now = new Date();
  for (const notification of notifications) notification.readAt = now;
  await ctx.em.flush();
  return { unreadCount: await unreadCount(ctx, user.id) };
};

const settingsOf = async (ctx: Ctx, userId: string): Promise<Settings> => {
  const stored = await ctx.em.findOne(NotificationSettings, { user: userId });
  return {
    emailKinds: stored ? [...stored.emailKinds] : [...DEFAULT_EMAIL_KINDS],
    lowBalanceCents: stored?.lowBalanceCents ?? null,
    isEmailAvailable: ctx.deps.notifier.isEmailAvailable,
  };
};

export const getSettings = async (ctx: Ctx): Promise<Settings> => settingsOf(ctx, requireRole(ctx.user, 'user').id);

export const updateSettings = async (
  ctx: Ctx,
  input: z.output<typeof UpdateNotificationSettingsInputSchema>,
): Promise<Settings> => {
  const user = requireRole(ctx.user, 'user');
  const stored = await ctx.em.findOne(NotificationSettings, { user: user.id });
  if (stored) ctx.em.assign(stored, input);
  else ctx.em.create(NotificationSettings, { user: ctx.em.getReference(User, user.id), ...input });
  await ctx.em.flush();
  return settingsOf(ctx, user.id);
};

/** The link in an email: turns every email off for its person, without signing in. */
export const unsubscribe = async (ctx: Ctx, token: string): Promise<{ ok: true }> => {
  const userId = await ctx.deps.unsubscribeTokens.verify(token);
  const user = userId ? await ctx.em.findOne(User, { id: userId, anonymizedAt: null }) : null;
  if (!user) throw new AppError('BAD_REQUEST', 'This link is not valid', { reason: 'TOKEN_INVALID' });
  const stored = await ctx.em.findOne(NotificationSettings, { user: user.id });
  if (stored) stored.emailKinds = [];
  else ctx.em.create(NotificationSettings, { user, emailKinds: [], lowBalanceCents: null });
  await ctx.em.flush();
  return { ok: true };
};

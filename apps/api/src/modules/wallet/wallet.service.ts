import type { EntityManager } from '@mikro-orm/postgresql';
import { User, WalletEntry, dailyBalances, lockWallet, recentNonAdminCredits } from '@canteen/db';
import type {
  BulkCreditInput,
  ChargeInput,
  CreditInput,
  WalletEntriesInput,
  WalletHistoryInput,
  WalletHistoryItem,
} from '@canteen/shared';
import { type SqlBool, sql } from 'kysely';
import { CursorKeys } from '@canteen/shared';
import { AppError } from '../../errors';
import { assertDepartmentInScope, findPersonToActOn, mayActOn, requireRole } from '../../lib/access';
import { decodeCursor, encodeCursor } from '../../lib/cursor';
import { readDb } from '../../lib/replica';
import type { ContextInner } from '../../trpc/context';
import { findUsablePayer } from '../payer/payer.service';
import { balanceOf, breakdownOf, credit, debitPayer, spend } from './ledger';
import { recordLiveEvents, walletChanged } from '../live/live.events';

type Ctx = Pick<ContextInner, 'em' | 'user' | 'deps'> & Partial<Pick<ContextInner, 'readFrom'>>;
/** Reading a wallet needs no collaborators (the CSV export calls these too). */
type ReadCtx = Pick<ContextInner, 'em' | 'user'> & Partial<Pick<ContextInner, 'readFrom'>>;

/** Whose wallet may the caller read? Everyone their own; managers their department's employees; admins anyone. */
export const readableWalletOwner = async (ctx: ReadCtx, userId: string | undefined): Promise<User> => {
  const actor = requireRole(ctx.user, 'user');
  if (!userId || userId === actor.id) return actor;
  requireRole(actor, 'manager');
  return findPersonToActOn(ctx.em, actor, { userId, action: 'read' });
};

export const getBalance = async (ctx: Ctx, userId: string | undefined) => {
  const owner = await readableWalletOwner(ctx, userId);
  return balanceOf(ctx.em, owner.id);
};

const EntryCursorSchema = CursorKeys.dateId;

export const listEntries = async (ctx: Ctx, input: WalletEntriesInput) => {
  const owner = await readableWalletOwner(ctx, input.userId);
  const cursor = decodeCursor(input.cursor, EntryCursorSchema);
  const entries = await ctx.em.find(
    WalletEntry,
    {
      user: owner.id,
      ...(input.kinds ? { kind: { $in: input.kinds } } : {}),
      ...(cursor
        ? { $or: [{ occurredAt: { $lt: new Date(cursor[0]) } }, { occurredAt: new Date(cursor[0]), id: { $lt: cursor[1] } }] }
        : {}),
    },
    { orderBy: { occurredAt: 'desc', id: 'desc' }, limit: input.limit + 1, populate: ['payer', 'createdBy'] },
  );
  const page = entries.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map((entry) => ({
      id: entry.id,
      payerId: entry.payer.id,
      payerName: entry.payer.getEntity().name,
      amountCents: entry.amountCents,
      kind: entry.kind,
      occurredAt: entry.occurredAt.toISOString(),
      orderId: entry.order?.id ?? null,
      note: entry.note ?? null,
      createdByName: entry.createdBy?.isInitialized() ? entry.createdBy.getEntity().name : null,
    })),
    nextCursor: entries.length > input.limit && last ? encodeCursor([last.occurredAt.toISOString(), last.id]) : null,
  };
};

type HistoryRow = {
  id: string;
  kind: WalletHistoryItem['kind'];
  occurredAt: Date;
  orderId: string | null;
  amountCents: number;
  note: string | null;
  createdByName: string | null;
  parts: { payerId: string; payerName: string; amountCents: number }[];
};

/**
 * The wallet one row per event (WalletHistoryItemSchema): an order's spends, written in one statement with one
 * timestamp, group into one row, as do its refunds. Pages by (occurredAt, id) like the entries, newest first; the
 * history index (user, occurred_at, id) serves it.
 */
export const walletHistory = async (ctx: ReadCtx, input: WalletHistoryInput) => {
  const owner = await readableWalletOwner(ctx, input.userId);
  const cursor = decodeCursor(input.cursor, EntryCursorSchema);
  const groupId = sql<string>`coalesce(e.order_id, e.id)`;
  let query = readDb(ctx)
    .selectFrom('WalletEntry as e')
    .innerJoin('Payer as p', 'p.id', 'e.payer')
    .leftJoin('User as c', 'c.id', 'e.createdBy')
    .where('e.user', '=', owner.id);
  if (input.kinds) query = query.where('e.kind', 'in', input.kinds);
  if (input.from) query = query.where('e.occurredAt', '>=', new Date(input.from));
  if (input.to) query = query.where('e.occurredAt', '<', new Date(input.to));
  if (cursor) query = query.where(sql<SqlBool>`(e.occurred_at, ${groupId}) < (${new Date(cursor[0])}, ${cursor[1]}::uuid)`);
  const rows = (await query
    .select([
      sql<string>`${groupId}`.as('id'),
      'e.kind',
      'e.occurredAt',
      'e.order as orderId',
      sql<number>`sum(e.amount_cents)::int`.as('amountCents'),
      sql<string | null>`max(e.note)`.as('note'),
      sql<string | null>`max(c.name)`.as('createdByName'),
      sql<HistoryRow['parts']>`json_agg(json_build_object('payerId', p.id, 'payerName', p.name,
        'amountCents', e.amount_cents) order by p.name, p.id)`.as('parts'),
    ])
    .groupBy(['e.occurredAt', groupId, 'e.kind', 'e.order'])
    .orderBy('e.occurredAt', 'desc')
    .orderBy(groupId, 'desc')
    .limit(input.limit + 1)
    .execute()) as HistoryRow[];
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({ ...row, occurredAt: row.occurredAt.toISOString() })),
    nextCursor: rows.length > input.limit && last ? encodeCursor([last.occurredAt.toISOString(), last.id]) : null,
  };
};

/** Balance at the end of each of the last `days` days, for the wallet chart. */
export const getTimeline = async (ctx: Ctx, input: { userId?: string | undefined; days: number }) => {
  const owner = await readableWalletOwner(ctx, input.userId);
  return dailyBalances(ctx.em, owner.id, input.days);
};

/**
 * Large credits need an admin: a manager's credits to one person over any 24 hours, this one included, stay
 * within the configured limit. Call it with the wallets locked, so two credits at once cannot both pass.
 */
const assertWithinManagerLimit = async (
  em: EntityManager,
  limitCents: number,
  { actor, userIds, amountCents }: { actor: User; userIds: string[]; amountCents: number },
): Promise<void> => {
  if (actor.role === 'admin' || amountCents <= 0) return;
  // What managers (anyone but an admin) credited: credits an admin made were approved already.
  const recent = await recentNonAdminCredits(em, userIds);
  if (userIds.some((id) => (recent.get(id) ?? 0) + amountCents > limitCents)) {
    throw new AppError('FORBIDDEN', 'Credits this large need an admin', { reason: 'ADMIN_APPROVAL_REQUIRED' });
  }
};

/** A positive credit adds a lot; a negative one is an adjustment that cancels the payer's earlier credits. */
export const creditWallet = async (ctx: Ctx, input: CreditInput) => {
  const actor = requireRole(ctx.user, 'manager');
  const user = await findPersonToActOn(ctx.em, actor, { userId: input.userId, action: 'money' });
  const payer = await findUsablePayer(ctx.em, actor, input.payerId);
  const answer = await ctx.em.transactional(async (em) => {
    await lockWallet(em, user.id);
    await assertWithinManagerLimit(em, ctx.deps.limits.managerDailyCreditLimitCents, {
      actor,
      userIds: [user.id],
      amountCents: input.amountCents,
    });
    const entries =
      input.amountCents > 0
        ? [
            credit(em, {
              userId: user.id,
              payer,
              amountCents: input.amountCents,
              occurredAt: input.occurredAt ? new Date(input.occurredAt) : new Date(),
              kind: 'credit',
              createdBy: em.getReference(User, actor.id),
              note: input.note,
            }),
          ]
        : await debitPayer(em, {
            userId: user.id,
            payerId: payer.id,
            amountCents: -input.amountCents,
            kind: 'adjustment',
            createdBy: em.getReference(User, actor.id),
            note: input.note,
          });
    await em.flush();
    await recordLiveEvents(em, [walletChanged(user.id)]);
    return { entryIds: entries.map((entry) => entry.id), balance: await balanceOf(em, user.id) };
  });
  ctx.deps.live.wake();
  return answer;
};

/**
 * Credits every active person of a department (or, for admins, the whole company) in one transaction: for a
 * manager, the employees of their department; never the actor themself.
 */
export const creditInBulk = async (ctx: Ctx, input: BulkCreditInput) => {
  const actor = requireRole(ctx.user, 'manager');
  if (input.departmentId === null) requireRole(actor, 'admin');
  else assertDepartmentInScope(actor, input.departmentId);
  const payer = await findUsablePayer(ctx.em, actor, input.payerId);
  const answer = await ctx.em.transactional(async (em) => {
    const candidates = await em.find(
      User,
      {
        id: { $ne: actor.id },
        isActive: true,
        anonymizedAt: null,
        ...(input.departmentId ? { department: input.departmentId } : {}),
        ...(actor.role === 'admin' ? {} : { role: 'employee' as const }),
      },
      { orderBy: { id: 'asc' } },
    );
    const users = candidates.filter((user) => mayActOn(actor, user, 'money'));
    if (actor.role !== 'admin') {
      // Locked in a fixed order (by id), so two bulk credits cannot deadlock; the limit is then checked race-free.
      for (const user of users) await lockWallet(em, user.id);
      await assertWithinManagerLimit(em, ctx.deps.limits.managerDailyCreditLimitCents, {
        actor,
        userIds: users.map((user) => user.id),
        amountCents: input.amountCents,
      });
    }
    const occurredAt = input.occurredAt ? new Date(input.occurredAt) : new Date();
    for (const user of users) {
      credit(em, {
        userId: user.id,
        payer,
        amountCents: input.amountCents,
        occurredAt,
        kind: 'credit',
        createdBy: em.getReference(User, actor.id),
        note: input.note,
      });
    }
    await em.flush();
    await recordLiveEvents(
      em,
      users.map((user) => walletChanged(user.id)),
    );
    return { userCount: users.length, totalCents: users.length * input.amountCents };
  });
  ctx.deps.live.wake();
  return answer;
};

/** A manager charges an amount without items (a forgotten coffee); returns what each payer paid. */
export const chargeWallet = async (ctx: Ctx, input: ChargeInput) => {
  const actor = requireRole(ctx.user, 'manager');
  const user = await findPersonToActOn(ctx.em, actor, { userId: input.userId, action: 'money' });
  const answer = await ctx.em.transactional(async (em) => {
    await lockWallet(em, user.id);
    const entries = await spend(em, {
      userId: user.id,
      amountCents: input.amountCents,
      kind: 'spend',
      createdBy: em.getReference(User, actor.id),
      note: input.note ?? 'Charge',
    });
    await em.flush();
    await recordLiveEvents(em, [walletChanged(user.id)]);
    return { totalCents: input.amountCents, breakdown: await breakdownOf(em, entries) };
  });
  ctx.deps.live.wake();
  return answer;
};

import { Payer, User, WalletEntry } from '@canteen/db';
import type { BulkCreditInput, ChargeInput, CreditInput, PageInput } from '@canteen/shared';
import { z } from 'zod';
import { AppError } from '../../errors';
import { assertInScope, requireRole } from '../../lib/access';
import { decodeCursor, encodeCursor } from '../../lib/cursor';
import type { ContextInner } from '../../trpc/context';
import { balanceOf, breakdownOf, credit, debitPayer, lockWallet, spend } from './ledger';

type Ctx = Pick<ContextInner, 'em' | 'user'>;

/** Whose wallet may the caller read? Employees their own; managers their department; admins anyone. */
export const readableWalletOwner = async (ctx: Ctx, userId: string | undefined): Promise<User> => {
  const actor = requireRole(ctx.user, 'user');
  if (!userId || userId === actor.id) return actor;
  requireRole(actor, 'manager');
  const owner = await ctx.em.findOne(User, { id: userId, anonymizedAt: null });
  if (!owner) throw new AppError('NOT_FOUND', 'No such person', { reason: 'NOT_FOUND' });
  assertInScope(actor, owner.department?.id);
  return owner;
};

/** Managers move money only for their own department, from its budget or a promotion; admins from any payer. */
const assertMayUsePayer = (actor: User, payer: Payer): void => {
  if (actor.role === 'admin') return;
  const isOwnDepartment = payer.kind === 'department' && payer.department?.id === actor.department?.id;
  if (!isOwnDepartment && payer.kind !== 'promo') {
    throw new AppError('FORBIDDEN', 'Managers can only credit from their department budget or a promotion', {
      reason: 'OUT_OF_SCOPE',
    });
  }
};

const findPayer = async (ctx: Ctx, id: string): Promise<Payer> => {
  const payer = await ctx.em.findOne(Payer, id);
  if (!payer) throw new AppError('NOT_FOUND', 'No such payer', { reason: 'NOT_FOUND' });
  return payer;
};

export const listPayers = async (ctx: Ctx) => {
  requireRole(ctx.user, 'user');
  const payers = await ctx.em.find(Payer, {}, { orderBy: { kind: 'asc', name: 'asc' } });
  return payers.map((payer) => ({
    id: payer.id,
    name: payer.name,
    kind: payer.kind,
    departmentId: payer.department?.id ?? null,
  }));
};

export const createPayer = async (ctx: Ctx, input: { name: string; kind: Payer['kind']; departmentId: string | null }) => {
  requireRole(ctx.user, 'admin');
  if (await ctx.em.count(Payer, { name: input.name }))
    throw new AppError('CONFLICT', 'A payer with that name exists', { reason: 'CONFLICT' });
  const payer = ctx.em.create(Payer, { name: input.name, kind: input.kind, department: input.departmentId });
  await ctx.em.flush();
  return { id: payer.id, name: payer.name, kind: payer.kind, departmentId: input.departmentId };
};

export const getBalance = async (ctx: Ctx, userId: string | undefined) => {
  const owner = await readableWalletOwner(ctx, userId);
  return balanceOf(ctx.em, owner.id);
};

const EntryCursorSchema = z.tuple([z.iso.datetime({ offset: true }), z.uuid()]);

export const listEntries = async (ctx: Ctx, input: PageInput & { userId?: string | undefined }) => {
  const owner = await readableWalletOwner(ctx, input.userId);
  const cursor = decodeCursor(input.cursor, EntryCursorSchema);
  const entries = await ctx.em.find(
    WalletEntry,
    {
      user: owner.id,
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

/** Balance at the end of each of the last `days` days, for the wallet chart. */
export const getTimeline = async (ctx: Ctx, input: { userId?: string | undefined; days: number }) => {
  const owner = await readableWalletOwner(ctx, input.userId);
  const rows = await ctx.em.getConnection().execute<{ day: string; cents: string }[]>(
    `with days as (select generate_series(current_date - (? - 1), current_date, interval '1 day')::date as day),
          daily as (select (occurred_at at time zone 'UTC')::date as day, sum(amount_cents) as delta
                    from wallet_entry where user_id = ? group by 1)
     select to_char(d.day, 'YYYY-MM-DD') as day,
            (select coalesce(sum(delta), 0) from daily where daily.day <= d.day) as cents
     from days d order by d.day`,
    [input.days, owner.id],
  );
  return rows.map((row) => ({ date: row.day, balanceCents: Number(row.cents) }));
};

const loadManagedUser = async (ctx: Ctx, actor: User, userId: string): Promise<User> => {
  const user = await ctx.em.findOne(User, { id: userId, anonymizedAt: null });
  if (!user) throw new AppError('NOT_FOUND', 'No such person', { reason: 'NOT_FOUND' });
  assertInScope(actor, user.department?.id);
  return user;
};

/** A positive credit adds a lot; a negative one is an adjustment that cancels the payer's earlier credits. */
export const creditWallet = async (ctx: Ctx, input: CreditInput) => {
  const actor = requireRole(ctx.user, 'manager');
  const user = await loadManagedUser(ctx, actor, input.userId);
  const payer = await findPayer(ctx, input.payerId);
  assertMayUsePayer(actor, payer);
  return ctx.em.transactional(async (em) => {
    await lockWallet(em, user.id);
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
    return { entryIds: entries.map((entry) => entry.id), balance: await balanceOf(em, user.id) };
  });
};

/** Credits every active person of a department (or, for admins, the whole company) in one transaction. */
export const creditInBulk = async (ctx: Ctx, input: BulkCreditInput) => {
  const actor = requireRole(ctx.user, 'manager');
  if (input.departmentId === null) requireRole(actor, 'admin');
  else assertInScope(actor, input.departmentId);
  const payer = await findPayer(ctx, input.payerId);
  assertMayUsePayer(actor, payer);
  return ctx.em.transactional(async (em) => {
    const users = await em.find(User, {
      isActive: true,
      anonymizedAt: null,
      ...(input.departmentId ? { department: input.departmentId } : {}),
    });
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
    return { userCount: users.length, totalCents: users.length * input.amountCents };
  });
};

/** A manager charges an amount without items (a forgotten coffee); returns what each payer paid. */
export const chargeWallet = async (ctx: Ctx, input: ChargeInput) => {
  const actor = requireRole(ctx.user, 'manager');
  const user = await loadManagedUser(ctx, actor, input.userId);
  return ctx.em.transactional(async (em) => {
    await lockWallet(em, user.id);
    const entries = await spend(em, {
      userId: user.id,
      amountCents: input.amountCents,
      kind: 'spend',
      createdBy: em.getReference(User, actor.id),
      note: input.note ?? 'Charge',
    });
    await em.flush();
    return { totalCents: input.amountCents, breakdown: await breakdownOf(em, entries) };
  });
};

import type { EntityManager } from '@mikro-orm/postgresql';
import { type Order, type Payer, type Payment, User, WalletDraw, WalletEntry, balanceByPayer, openLots } from '@canteen/db';
import { type DrawPlan, type Lot, type PayerAmount, planDraw, planPayerDebit } from '@canteen/shared';
import { AppError } from '../../errors';

type EntryKind = 'credit' | 'adjustment' | 'spend' | 'refund' | 'top_up';

export const insufficientFunds = () =>
  new AppError('PRECONDITION_FAILED', 'There is not enough money in the wallet for this', { reason: 'INSUFFICIENT_FUNDS' });

type DebitOptions = {
  kind: EntryKind;
  order?: Order | null;
  payment?: Payment | null;
  createdBy: User | null;
  note?: string | null | undefined;
};
type Debit = DebitOptions & { userId: string; amountCents: number };

/** Writes one negative entry per payer and the draws behind it, and lowers each lot's remainder. */
const applyPlan = (
  em: EntityManager,
  { userId, lots, plan, options }: { userId: string; lots: WalletEntry[]; plan: DrawPlan; options: DebitOptions },
) => {
  const byId = new Map(lots.map((lot) => [lot.id, lot]));
  const now = new Date();
  const debits = new Map<string, WalletEntry>();
  for (const part of plan.byPayer) {
    debits.set(
      part.payerId,
      em.create(WalletEntry, {
        user: em.getReference(User, userId),
        payer: part.payerId,
        amountCents: part.amountCents,
        remainingCents: 0,
        occurredAt: now,
        kind: options.kind,
        order: options.order ?? null,
        payment: options.payment ?? null,
        createdBy: options.createdBy,
        note: options.note ?? null,
      }),
    );
  }
  for (const draw of plan.draws) {
    const lot = byId.get(draw.lotId)!;
    lot.remainingCents -= draw.amountCents;
    em.create(WalletDraw, { debit: debits.get(draw.payerId)!, lot, amountCents: draw.amountCents });
  }
  return [...debits.values()];
};

const toLots = (entries: WalletEntry[]): Lot[] =>
  entries.map((entry) => ({
    id: entry.id,
    payerId: entry.payer.id,
    occurredAt: entry.occurredAt,
    remainingCents: entry.remainingCents,
  }));

/** Spends `amountCents`, oldest money first across payers (docs/PRODUCT.md §3). Call with the wallet locked. */
export const spend = async (em: EntityManager, { userId, amountCents, ...options }: Debit) => {
  const lots = await openLots(em, userId);
  const plan = planDraw(toLots(lots), amountCents);
  if (!plan) throw insufficientFunds();
  return applyPlan(em, { userId, lots, plan, options });
};

/** A negative credit cancels that payer's earlier credits, oldest first, and never takes it below zero. */
export const debitPayer = async (
  em: EntityManager,
  { userId, payerId, amountCents, ...options }: Debit & { payerId: string },
) => {
  const lots = await openLots(em, userId);
  const plan = planPayerDebit(toLots(lots), payerId, amountCents);
  if (!plan) {
    throw new AppError('PRECONDITION_FAILED', 'That would take this payer below zero for this person', {
      reason: 'INSUFFICIENT_FUNDS',
    });
  }
  return applyPlan(em, { userId, lots, plan, options });
};

export const credit = (
  em: EntityManager,
  input: {
    userId: string;
    payer: Payer;
    amountCents: number;
    occurredAt: Date;
    kind: EntryKind;
    createdBy: User | null;
    note?: string | null | undefined;
    payment?: Payment | null;
  },
): WalletEntry =>
  em.create(WalletEntry, {
    user: em.getReference(User, input.userId),
    payer: input.payer,
    amountCents: input.amountCents,
    remainingCents: input.amountCents,
    occurredAt: input.occurredAt,
    kind: input.kind,
    createdBy: input.createdBy,
    note: input.note ?? null,
    payment: input.payment ?? null,
  });

/**
 * A provider refund of a card top-up: takes back what is left of that top-up's own money (its lot), never more,
 * as one negative entry with its draw. Returns how much it took; the rest was already spent (the shortfall).
 * Call with the wallet locked.
 */
export const takeBackTopUp = async (
  em: EntityManager,
  { payment, amountCents, note }: { payment: Payment; amountCents: number; note: string },
): Promise<number> => {
  const lot = await em.findOne(WalletEntry, { payment, kind: 'top_up', amountCents: { $gt: 0 } });
  const taken = Math.min(lot?.remainingCents ?? 0, amountCents);
  if (!lot || taken <= 0) return 0;
  applyPlan(em, {
    userId: payment.user.id,
    lots: [lot],
    plan: {
      byPayer: [{ payerId: lot.payer.id, amountCents: -taken }],
      draws: [{ lotId: lot.id, payerId: lot.payer.id, amountCents: taken }],
    },
    options: { kind: 'adjustment', createdBy: null, note, payment },
  });
  return taken;
};

/** Gives every payer back exactly what the order's spends took from it, into the very lots it came from. */
export const refundOrderSpends = async (
  em: EntityManager,
  order: Order,
  { createdBy, note }: { createdBy: User | null; note: string | null },
) => {
  const spends = await em.find(WalletEntry, { order, kind: 'spend' });
  const draws = await em.find(WalletDraw, { debit: { $in: spends } }, { populate: ['lot'] });
  const now = new Date();
  for (const draw of draws) draw.lot.getEntity().remainingCents += draw.amountCents;
  return spends.map((entry) =>
    em.create(WalletEntry, {
      user: entry.user,
      payer: entry.payer,
      amountCents: -entry.amountCents,
      remainingCents: 0,
      occurredAt: now,
      kind: 'refund',
      order,
      createdBy,
      note,
    }),
  );
};

/** Balance per payer from what is left in the lots (cost does not grow with history). */
export const balanceOf = async (em: EntityManager, userId: string) => {
  const byPayer = await balanceByPayer(em, userId);
  return { userId, totalCents: byPayer.reduce((sum, p) => sum + p.amountCents, 0), byPayer };
};

/** The debit entries of one order (or charge) as the per-payer breakdown shown to people. */
export const breakdownOf = async (em: EntityManager, entries: WalletEntry[]): Promise<PayerAmount[]> => {
  await em.populate(entries, ['payer']);
  return entries.map((entry) => ({
    payerId: entry.payer.id,
    payerName: entry.payer.getEntity().name,
    amountCents: entry.amountCents,
  }));
};

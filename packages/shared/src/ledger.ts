/**
 * The wallet's spend rule (docs/PRODUCT.md §3), as pure functions over "lots": what is left of each credit.
 *
 * A wallet is the list of an employee's entries, each from one payer. Every positive entry is a lot whose
 * `remainingCents` shrinks as money is taken from it; a spend or a negative adjustment draws from lots and
 * records one negative entry per payer. Keeping the remainders means a spend reads only the lots that still
 * hold money, never the whole history.
 */
export type Lot = {
  id: string;
  payerId: string;
  /** When the money arrived; the oldest money is spent first. Ties go to the lower id (UUIDv7: created first). */
  occurredAt: Date;
  remainingCents: number;
};

export type Draw = { lotId: string; payerId: string; amountCents: number };

export type DrawPlan = {
  /** Positive amounts taken from each lot, oldest lot first. */
  draws: Draw[];
  /** One negative amount per payer drawn from, in the order the payer was first drawn. */
  byPayer: { payerId: string; amountCents: number }[];
};

const byAge = (a: Lot, b: Lot): number =>
  a.occurredAt.getTime() - b.occurredAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const assertCents = (amountCents: number): void => {
  if (!Number.isSafeInteger(amountCents) || amountCents <= 0)
    throw new RangeError(`amount must be a positive integer of cents, got ${amountCents}`);
};

/**
 * Takes `amountCents` from the oldest money first, across payers, never taking a lot (and so a payer) below zero.
 * Returns null when the lots do not hold enough in total: the caller then fails with INSUFFICIENT_FUNDS.
 */
export const planDraw = (lots: readonly Lot[], amountCents: number): DrawPlan | null => {
  assertCents(amountCents);
  const draws: Draw[] = [];
  let left = amountCents;
  for (const lot of [...lots].filter((l) => l.remainingCents > 0).sort(byAge)) {
    if (left === 0) break;
    const take = Math.min(lot.remainingCents, left);
    draws.push({ lotId: lot.id, payerId: lot.payerId, amountCents: take });
    left -= take;
  }
  if (left > 0) return null;
  const byPayer = new Map<string, number>();
  for (const draw of draws) byPayer.set(draw.payerId, (byPayer.get(draw.payerId) ?? 0) - draw.amountCents);
  return { draws, byPayer: [...byPayer].map(([payerId, cents]) => ({ payerId, amountCents: cents })) };
};

/** A negative credit (adjustment) cancels that payer's earlier credits, oldest first. */
export const planPayerDebit = (lots: readonly Lot[], payerId: string, amountCents: number): DrawPlan | null =>
  planDraw(
    lots.filter((lot) => lot.payerId === payerId),
    amountCents,
  );

/** Balance per payer of a set of lots (the sum of what is left). */
export const balanceOf = (lots: readonly Lot[]): Map<string, number> => {
  const out = new Map<string, number>();
  for (const lot of lots) out.set(lot.payerId, (out.get(lot.payerId) ?? 0) + lot.remainingCents);
  return out;
};

/** Applies a plan to lots, returning new lots (used by tests and by the in-memory replay check). */
export const applyDraws = (lots: readonly Lot[], plan: DrawPlan): Lot[] => {
  const taken = new Map(plan.draws.map((d) => [d.lotId, d.amountCents]));
  return lots.map((lot) => ({ ...lot, remainingCents: lot.remainingCents - (taken.get(lot.id) ?? 0) }));
};

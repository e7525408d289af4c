import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyDraws, balanceOf, type Lot, planDraw, planPayerDebit } from './ledger';

const at = (iso: string) => new Date(iso);
let seq = 0;
const lot = (payerId: string, occurredAt: string, remainingCents: number): Lot => ({
  id: `lot-${String(++seq).padStart(4, '0')}`,
  payerId,
  occurredAt: at(occurredAt),
  remainingCents,
});

describe('planDraw: the worked example of docs/PRODUCT.md §3', () => {
  it('draws -100 A, -200 B, -4700 C and leaves A 1000, B 0, C 5300', () => {
    // +300 A at 10:00, +200 B at 11:00, -200 A at 15:00, +10000 C next day, +1000 A the day after.
    let lots = [lot('A', '2026-01-01T10:00:00Z', 300), lot('B', '2026-01-01T11:00:00Z', 200)];
    const adjustment = planPayerDebit(lots, 'A', 200);
    expect(adjustment?.byPayer).toEqual([{ payerId: 'A', amountCents: -200 }]);
    lots = applyDraws(lots, adjustment!);
    lots.push(lot('C', '2026-01-02T09:00:00Z', 10_000), lot('A', '2026-01-03T09:00:00Z', 1_000));

    const plan = planDraw(lots, 5_000);
    expect(plan?.byPayer).toEqual([
      { payerId: 'A', amountCents: -100 },
      { payerId: 'B', amountCents: -200 },
      { payerId: 'C', amountCents: -4_700 },
    ]);
    expect(Object.fromEntries(balanceOf(applyDraws(lots, plan!)))).toEqual({ A: 1_000, B: 0, C: 5_300 });
  });

  it('orders by when the money arrived, not by insertion', () => {
    const late = lot('LATE', '2026-02-01T00:00:00Z', 500);
    const early = lot('EARLY', '2026-01-01T00:00:00Z', 500);
    expect(planDraw([late, early], 600)?.byPayer).toEqual([
      { payerId: 'EARLY', amountCents: -500 },
      { payerId: 'LATE', amountCents: -100 },
    ]);
  });

  it('returns null when the money is not enough, and rejects non-positive or fractional amounts', () => {
    expect(planDraw([lot('A', '2026-01-01T00:00:00Z', 100)], 101)).toBeNull();
    expect(planPayerDebit([lot('A', '2026-01-01T00:00:00Z', 100), lot('B', '2026-01-01T00:00:00Z', 900)], 'A', 101)).toBeNull();
    expect(() => planDraw([], 0)).toThrow(RangeError);
    expect(() => planDraw([], 1.5)).toThrow(RangeError);
  });
});

const lotArb = fc.record({
  payerId: fc.constantFrom('company', 'department', 'personal', 'promo'),
  occurredAt: fc.date({ min: new Date('2025-01-01'), max: new Date('2027-01-01'), noInvalidDate: true }),
  remainingCents: fc.integer({ min: 0, max: 50_000 }),
});
const lotsArb = fc
  .array(lotArb, { maxLength: 40 })
  .map((raw) => raw.map((l, i) => ({ ...l, id: `L${String(i).padStart(3, '0')}` })));

const ageKey = (l: Lot) => [l.occurredAt.getTime(), l.id] as const;
const older = (a: Lot, b: Lot) => ageKey(a)[0] < ageKey(b)[0] || (ageKey(a)[0] === ageKey(b)[0] && ageKey(a)[1] < ageKey(b)[1]);

describe('planDraw: properties', () => {
  it('conserves money: what the plan takes equals the amount, and balances drop by exactly that', () => {
    fc.assert(
      fc.property(lotsArb, fc.integer({ min: 1, max: 300_000 }), (lots, amount) => {
        const total = lots.reduce((sum, l) => sum + l.remainingCents, 0);
        const plan = planDraw(lots, amount);
        if (amount > total) return plan === null;
        expect(plan).not.toBeNull();
        const drawn = plan!.draws.reduce((sum, d) => sum + d.amountCents, 0);
        const byPayer = plan!.byPayer.reduce((sum, p) => sum + p.amountCents, 0);
        const after = applyDraws(lots, plan!).reduce((sum, l) => sum + l.remainingCents, 0);
        return drawn === amount && byPayer === -amount && after === total - amount;
      }),
    );
  });

  it('never takes a lot, or a payer, below zero', () => {
    fc.assert(
      fc.property(lotsArb, fc.integer({ min: 1, max: 300_000 }), (lots, amount) => {
        const plan = planDraw(lots, amount);
        if (!plan) return true;
        const after = applyDraws(lots, plan);
        return after.every((l) => l.remainingCents >= 0) && [...balanceOf(after).values()].every((b) => b >= 0);
      }),
    );
  });

  it('takes the oldest money first: no newer lot is touched while an older one still holds money', () => {
    fc.assert(
      fc.property(lotsArb, fc.integer({ min: 1, max: 300_000 }), (lots, amount) => {
        const plan = planDraw(lots, amount);
        if (!plan) return true;
        const after = applyDraws(lots, plan);
        const drawnIds = new Set(plan.draws.map((d) => d.lotId));
        return after.every((left) => left.remainingCents === 0 || lots.every((l) => !drawnIds.has(l.id) || !older(left, l)));
      }),
    );
  });

  it('a payer debit only touches that payer', () => {
    fc.assert(
      fc.property(lotsArb, fc.integer({ min: 1, max: 100_000 }), (lots, amount) => {
        const plan = planPayerDebit(lots, 'promo', amount);
        return plan === null || plan.draws.every((d) => d.payerId === 'promo');
      }),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { Order, OrderLine, Product, WalletDraw, WalletEntry } from '@canteen/db';
import {
  NO_SUMMARY_DRIFT,
  createTestCaller,
  fund,
  getTestOrm,
  ledgerViolations,
  makePayer,
  makeProduct,
  makeUser,
  summaryDrift,
} from './helpers';

const USERS = 40;
const ATTEMPTS_PER_USER = 5;
const PRICE = 500;
const STOCK = 45;
/** User i can afford i % 4 orders: 0, 1, 2 or 3. Funds come from two payers at different times. */
const affordable = (i: number) => i % 4;

describe('the lunch rush', () => {
  it(`${USERS * ATTEMPTS_PER_USER} concurrent orders never overdraw a wallet or oversell stock`, async () => {
    const orm = await getTestOrm();
    const [company, department] = [
      await makePayer(orm, { name: 'Rush company' }),
      await makePayer(orm, { name: 'Rush department' }),
    ];
    const hot = await makeProduct(orm, { name: 'Hot dish', priceCents: PRICE, stock: STOCK });
    const users = [];
    for (let i = 0; i < USERS; i++) {
      const user = await makeUser(orm);
      const budget = affordable(i) * PRICE;
      // Split unevenly so single orders straddle both payers.
      if (budget > 0) {
        await fund(orm, user, company, Math.floor(budget * 0.3), new Date('2026-01-01'));
        await fund(orm, user, department, budget - Math.floor(budget * 0.3), new Date('2026-02-01'));
      }
      users.push(user);
    }
    const em = orm.em.fork();
    const fundedTotal = (
      await em.getConnection().execute<{ s: string }[]>('select coalesce(sum(amount_cents), 0) as s from wallet_entry')
    )[0]!.s;

    const calls = users.flatMap((user, i) =>
      Array.from({ length: ATTEMPTS_PER_USER }, (_, attempt) => async () => {
        const caller = await createTestCaller({ user });
        return caller.order.place({ items: [{ productId: hot.id, quantity: 1 }], idempotencyKey: `rush-${i}-${attempt}` });
      }),
    );
    const results = await Promise.allSettled(calls.map((call) => call()));

    const successes = results.filter((r) => r.status === 'fulfilled');
    const failures = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    const reasons = failures.map((f) => (f.reason as { cause?: { reason?: string } }).cause?.reason);
    // Only the two expected reasons, never a crash, deadlock or serialization error.
    expect(new Set(reasons)).toEqual(new Set(['INSUFFICIENT_FUNDS', 'OUT_OF_STOCK']));

    const wanted = users.reduce((sum, _u, i) => sum + Math.min(affordable(i), ATTEMPTS_PER_USER), 0);
    expect(successes).toHaveLength(Math.min(STOCK, wanted));
    expect((await orm.em.fork().findOneOrFail(Product, hot.id)).stock).toBe(STOCK - successes.length);

    // Per user: never more orders than the wallet affords, and a balance that is never negative.
    const check = orm.em.fork();
    for (const [i, user] of users.entries()) {
      const placed = await check.count(Order, { user: user.id });
      expect(placed).toBeLessThanOrEqual(affordable(i));
      const balance = await (await createTestCaller({ user })).wallet.balance({});
      expect(balance.totalCents).toBe(affordable(i) * PRICE - placed * PRICE);
      expect(balance.byPayer.every((p) => p.amountCents >= 0)).toBe(true);
    }

    // Every success has its order, one line and spend entries adding up to its total; failures left nothing.
    const orders = await check.find(Order, {}, { populate: ['lines'] });
    expect(orders).toHaveLength(successes.length);
    expect(await check.count(OrderLine)).toBe(successes.length);
    for (const order of orders) {
      expect(order.lines).toHaveLength(1);
      const spends = await check.find(WalletEntry, { order, kind: 'spend' });
      expect(spends.reduce((sum, e) => sum + e.amountCents, 0)).toBe(-PRICE);
      const draws = await check.find(WalletDraw, { debit: { $in: spends } });
      expect(draws.reduce((sum, d) => sum + d.amountCents, 0)).toBe(PRICE);
    }
    expect(await check.count(WalletEntry, { kind: 'spend' }, {})).toBe(
      await check.count(WalletEntry, { kind: 'spend', order: { $ne: null } }),
    );
    const remaining = (
      await check.getConnection().execute<{ s: string }[]>('select coalesce(sum(amount_cents), 0) as s from wallet_entry')
    )[0]!.s;
    expect(Number(fundedTotal) - Number(remaining)).toBe(successes.length * PRICE);
    expect(await ledgerViolations(orm)).toEqual([]);
    expect(await summaryDrift(orm)).toEqual(NO_SUMMARY_DRIFT);
  }, 120_000);

  it(`${USERS * ATTEMPTS_PER_USER} concurrent orders of untracked dishes: the wallet alone must hold the line`, async () => {
    // No shared stock row here, so nothing but the wallet lock serialises a user's concurrent spends.
    const orm = await getTestOrm();
    const [company, department] = [
      await makePayer(orm, { name: 'Calm company' }),
      await makePayer(orm, { name: 'Calm department' }),
    ];
    const dishes: Product[] = [];
    for (let d = 0; d < 4; d++) dishes.push(await makeProduct(orm, { name: `Untracked ${d}`, priceCents: PRICE, stock: null }));
    const users = [];
    for (let i = 0; i < USERS; i++) {
      const user = await makeUser(orm);
      const budget = affordable(i) * PRICE;
      if (budget > 0) {
        await fund(orm, user, company, Math.floor(budget * 0.7), new Date('2026-01-01'));
        await fund(orm, user, department, budget - Math.floor(budget * 0.7), new Date('2026-01-02'));
      }
      users.push(user);
    }
    const results = await Promise.allSettled(
      users.flatMap((user, i) =>
        Array.from({ length: ATTEMPTS_PER_USER }, async (_, attempt) =>
          (await createTestCaller({ user })).order.place({
            items: [{ productId: dishes[attempt % dishes.length]!.id, quantity: 1 }],
            idempotencyKey: `calm-${i}-${attempt}`,
          }),
        ),
      ),
    );
    const reasons = results
      .filter((r): r is PromiseRejectedResult => r.status === 'rejected')
      .map((r) => (r.reason as { cause?: { reason?: string } }).cause?.reason);
    expect(new Set(reasons)).toEqual(new Set(['INSUFFICIENT_FUNDS']));
    const check = orm.em.fork();
    for (const [i, user] of users.entries()) {
      // Stock never binds here, so every user gets exactly what their wallet affords, and not one order more.
      expect(await check.count(Order, { user: user.id })).toBe(Math.min(affordable(i), ATTEMPTS_PER_USER));
      const balance = await (await createTestCaller({ user })).wallet.balance({});
      expect(balance.totalCents).toBe(0);
    }
    expect(await ledgerViolations(orm)).toEqual([]);
    expect(await summaryDrift(orm)).toEqual(NO_SUMMARY_DRIFT);
  }, 120_000);
});

import { describe, expect, it } from 'vitest';
import { createTestCaller, getTestOrm, makeCast, makePayer, makeProduct, makeUser, newIdempotencyKey } from './helpers';

const orm = await getTestOrm();

const MONEY_IN = ['credit', 'top_up', 'adjustment', 'refund'] as const;

describe('a person page: wallet.entries by kind (issue 10, item 3)', () => {
  it('lists only the kinds asked for, newest first and paged, with the order of each refund', async () => {
    const { admin, manager, employee } = await makeCast(orm);
    const payer = await makePayer(orm, { name: 'Subsidy' });
    const asAdmin = await createTestCaller({ user: admin });
    const credit = (amountCents: number, daysAgo: number) =>
      asAdmin.wallet.credit({
        userId: employee.id,
        payerId: payer.id,
        amountCents,
        occurredAt: new Date(Date.now() - daysAgo * 86_400_000).toISOString(),
      });
    await credit(2_000, 3);
    await credit(-500, 2);
    const dish = await makeProduct(orm, { priceCents: 450 });
    const order = await (await createTestCaller({ user: employee })).order.place({
      items: [{ productId: dish.id, quantity: 1 }],
      idempotencyKey: newIdempotencyKey(),
    });
    const asManager = await createTestCaller({ user: manager });
    await asManager.order.refund({ orderId: order.id });

    const all = await asManager.wallet.entries({ userId: employee.id, limit: 10 });
    expect(all.items.map((entry) => entry.kind).sort()).toEqual(['adjustment', 'credit', 'refund', 'spend']);

    const first = await asManager.wallet.entries({ userId: employee.id, kinds: [...MONEY_IN], limit: 2 });
    const second = await asManager.wallet.entries({
      userId: employee.id,
      kinds: [...MONEY_IN],
      limit: 2,
      cursor: first.nextCursor,
    });
    expect(second.nextCursor).toBeNull();
    const moneyIn = [...first.items, ...second.items];
    expect(moneyIn.map((entry) => [entry.kind, entry.amountCents])).toEqual([
      ['refund', 450],
      ['adjustment', -500],
      ['credit', 2_000],
    ]);
    expect(moneyIn[0]?.orderId).toBe(order.id);

    const spends = await asManager.wallet.entries({ userId: employee.id, kinds: ['spend'], limit: 10 });
    expect(spends.items.map((entry) => [entry.orderId, entry.amountCents])).toEqual([[order.id, -450]]);
  });

  it('keeps the wallet reach: out of reach is NOT_FOUND, another person for an employee FORBIDDEN', async () => {
    const { manager, employee } = await makeCast(orm);
    const elsewhere = await makeUser(orm);
    await expect(
      (await createTestCaller({ user: manager })).wallet.entries({ userId: elsewhere.id, kinds: ['credit'], limit: 5 }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      (await createTestCaller({ user: employee })).wallet.entries({ userId: manager.id, kinds: ['credit'], limit: 5 }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('refuses an empty or unknown kind as bad input', async () => {
    const employee = await makeUser(orm);
    const caller = await createTestCaller({ user: employee });
    await expect(caller.wallet.entries({ kinds: [], limit: 5 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    // @ts-expect-error -- not a kind of entry
    await expect(caller.wallet.entries({ kinds: ['gift'], limit: 5 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});

import { describe, expect, it } from 'vitest';
import { checkIntegrity } from '@canteen/db';
import { createTestCaller, fund, makeCast, makePayer, makeProduct, newIdempotencyKey } from './helpers';
import { getTestOrm } from './db';

const orm = await getTestOrm();

describe('the integrity check (cli.js check, pnpm chaos)', () => {
  it('finds nothing after real orders and a refund, and names each kind of broken row', async () => {
    const { employee: person, manager } = await makeCast(orm);
    await fund(orm, person, await makePayer(orm, { kind: 'company' }), 5_000);
    const dish = await makeProduct(orm, { priceCents: 450, stock: 5 });
    const caller = await createTestCaller({ user: person });
    const orders = [];
    for (let i = 0; i < 3; i++) {
      orders.push(
        await caller.order.place({ items: [{ productId: dish.id, quantity: 1 }], idempotencyKey: newIdempotencyKey() }),
      );
    }
    await (await createTestCaller({ user: manager })).order.refund({ orderId: orders[0]!.id, reason: 'Cold' });
    expect(await checkIntegrity(orm.em.fork())).toMatchObject({ isConsistent: true });

    const sql = orm.em.fork().getConnection();
    await sql.execute(`update order_line set quantity = 2 where order_id = '${orders[1]!.id}'`);
    await sql.execute(
      `update wallet_entry set remaining_cents = remaining_cents - 100 where id = (select id from wallet_entry where user_id = '${person.id}' and remaining_cents >= 100 limit 1)`,
    );
    const broken = await checkIntegrity(orm.em.fork());
    expect(broken.isConsistent).toBe(false);
    expect(broken.counts).toMatchObject({ orders: 1, ledger: 1, negative: 0, 'summary dishes': 2 });
  });
});

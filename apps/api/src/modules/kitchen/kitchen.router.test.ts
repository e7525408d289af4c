import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AuditEntry, LiveEvent, Order, Product, WalletEntry, orderViolations } from '@canteen/db';
import { type KitchenStatus, type OrderStatus, decideMove } from '@canteen/shared';
import {
  createTestCaller,
  fund,
  getTestOrm,
  ledgerViolations,
  makeCast,
  makePayer,
  makeProduct,
  makeUser,
  newIdempotencyKey,
  silentLogger,
  startTestJobs,
  summaryDrift,
} from '../../../test/helpers';
import { UNCOLLECTED_CRON, flagUncollected, workOrderJobs } from '../order/order.jobs';

const orm = await getTestOrm();

const stockOf = async (id: string) => (await orm.em.fork().findOneOrFail(Product, id)).stock;
const reasonOf = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: { cause?: { reason?: string } }) => error.cause?.reason ?? 'unknown',
  );

/** A cast with an employee who can pay for a few lunches, and a dish with counted stock. */
const setUp = async () => {
  const cast = await makeCast(orm);
  await fund(orm, cast.employee, await makePayer(orm), 5_000);
  const soup = await makeProduct(orm, { name: `Soup ${cast.department.code}`, priceCents: 450, stock: 10 });
  const bread = await makeProduct(orm, { name: `Bread ${cast.department.code}`, priceCents: 120 });
  const order = (items = [{ productId: soup.id, quantity: 2 }]) =>
    createTestCaller({ user: cast.employee }).then((c) => c.order.place({ items, idempotencyKey: newIdempotencyKey() }));
  const as = (who: 'employee' | 'manager' | 'admin' | 'kitchen') => createTestCaller({ user: cast[who] });
  return { ...cast, soup, bread, order, as };
};

describe('kitchen.queue', () => {
  it('shows open orders oldest first with their lines and the all-day counts, and never money', async () => {
    const w = await setUp();
    const first = await w.order([
      { productId: w.soup.id, quantity: 2 },
      { productId: w.bread.id, quantity: 1 },
    ]);
    const second = await w.order([{ productId: w.soup.id, quantity: 1 }]);
    const kitchen = await w.as('kitchen');
    const queue = await kitchen.kitchen.queue({});
    const mine = queue.tickets.filter((t) => t.id === first.id || t.id === second.id);
    expect(mine.map((t) => t.id)).toEqual([first.id, second.id]);
    expect(mine[0]).toMatchObject({ status: 'placed', userName: w.employee.name, isTillOrder: false });
    expect(
      mine[0]!.lines.map((l) => [l.productName, l.quantity]).sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    ).toEqual([
      [w.bread.name, 1],
      [w.soup.name, 2],
    ]);
    expect(JSON.stringify(queue)).not.toMatch(/cents|price|balance/i);
    expect(queue.allDay.find((c) => c.productId === w.soup.id)?.quantity).toBeGreaterThanOrEqual(3);

    // Ready orders stay on the display but leave the all-day count; collected ones leave the display.
    await kitchen.kitchen.setStatus({ orderId: first.id, status: 'preparing' });
    await kitchen.kitchen.setStatus({ orderId: first.id, status: 'ready' });
    const later = await kitchen.kitchen.queue({});
    expect(later.tickets.find((t) => t.id === first.id)?.status).toBe('ready');
    expect(later.allDay.find((c) => c.productId === w.bread.id)).toBeUndefined();
    await kitchen.kitchen.setStatus({ orderId: first.id, status: 'collected' });
    expect((await kitchen.kitchen.queue({})).tickets.some((t) => t.id === first.id)).toBe(false);
  });
});

describe('kitchen.setStatus', () => {
  it('moves an order one step at a time, stamps the times, audits each move and tells the owner and the kitchen', async () => {
    const w = await setUp();
    const placed = await w.order();
    expect(placed.status).toBe('placed');
    const kitchen = await w.as('kitchen');
    const before = await orm.em.fork().count(LiveEvent, {});
    for (const status of ['preparing', 'ready', 'collected'] as const) {
      const ticket = await kitchen.kitchen.setStatus({ orderId: placed.id, status });
      expect(ticket.status).toBe(status);
    }
    const order = await (await w.as('employee')).order.byId({ id: placed.id });
    expect(order).toMatchObject({ status: 'collected', cancelledAt: null, refundedAt: null });
    expect(Date.parse(order.readyAt!)).toBeLessThanOrEqual(Date.parse(order.collectedAt!));
    const audits = await orm.em.fork().find(AuditEntry, { action: 'kitchen.setStatus', entityId: placed.id });
    expect(audits).toHaveLength(3);
    const events = await orm.em.fork().find(LiveEvent, {}, { orderBy: { id: 'asc' }, offset: before });
    const forOwner = events.filter((e) => e.audience === 'user' && e.userId === w.employee.id && e.payload['type'] === 'order');
    expect(forOwner.map((e) => e.payload['status'])).toEqual(['preparing', 'ready', 'collected']);
    expect(events.filter((e) => e.audience === 'kitchen')).toHaveLength(3);
  });

  it('refuses skipped steps and stale taps with typed reasons, and answers a repeated tap without a change', async () => {
    const w = await setUp();
    const placed = await w.order();
    const kitchen = await w.as('kitchen');
    expect(await reasonOf(kitchen.kitchen.setStatus({ orderId: placed.id, status: 'ready' }))).toBe('INVALID_TRANSITION');
    await kitchen.kitchen.setStatus({ orderId: placed.id, status: 'preparing', from: 'placed' });
    // The same tap again (a retry): no change, no error, no second audit entry.
    const again = await kitchen.kitchen.setStatus({ orderId: placed.id, status: 'preparing', from: 'placed' });
    expect(again.status).toBe('preparing');
    expect(await orm.em.fork().count(AuditEntry, { action: 'kitchen.setStatus', entityId: placed.id })).toBe(1);
    await kitchen.kitchen.setStatus({ orderId: placed.id, status: 'ready', from: 'preparing' });
    // A late retry of the first tap must not undo the second.
    expect(await reasonOf(kitchen.kitchen.setStatus({ orderId: placed.id, status: 'placed', from: 'preparing' }))).toBe(
      'ORDER_STATUS_CHANGED',
    );
    // One step back is an undo.
    expect((await kitchen.kitchen.setStatus({ orderId: placed.id, status: 'preparing', from: 'ready' })).status).toBe(
      'preparing',
    );
    expect(await reasonOf(kitchen.kitchen.setStatus({ orderId: '01930000-0000-7000-8000-000000000000', status: 'ready' }))).toBe(
      'NOT_FOUND',
    );
  });

  it('lets kitchen staff, managers and admins move orders, and nobody else', async () => {
    const w = await setUp();
    const placed = await w.order();
    expect(await reasonOf((await w.as('employee')).kitchen.setStatus({ orderId: placed.id, status: 'preparing' }))).toBe(
      'ROLE_REQUIRED',
    );
    expect(await reasonOf((await w.as('employee')).kitchen.queue({}))).toBe('ROLE_REQUIRED');
    for (const who of ['kitchen', 'manager', 'admin'] as const) {
      const moved = await (await w.as(who)).kitchen.setStatus({
        orderId: placed.id,
        status: who === 'kitchen' ? 'preparing' : who === 'manager' ? 'ready' : 'collected',
      });
      expect(moved.status).not.toBe('placed');
    }
  });
});

describe('kitchen.lookup (the counter)', () => {
  it('finds an order by the number people read out or the id its QR code carries', async () => {
    const w = await setUp();
    const placed = await w.order();
    const kitchen = await w.as('kitchen');
    const number = placed.id.replace(/-/g, '').slice(-8).toUpperCase();
    for (const code of [`#${number}`, number, number.slice(-4).toLowerCase(), placed.id, placed.id.toUpperCase()]) {
      const { tickets } = await kitchen.kitchen.lookup({ code });
      expect(
        tickets.map((t) => t.id),
        code,
      ).toContain(placed.id);
    }
    expect((await kitchen.kitchen.lookup({ code: 'not a number' })).tickets).toEqual([]);
    expect(await reasonOf((await w.as('employee')).kitchen.lookup({ code: number }))).toBe('ROLE_REQUIRED');
    // Collected at the counter, it is still found (to say so).
    await kitchen.kitchen.setStatus({ orderId: placed.id, status: 'preparing' });
    await kitchen.kitchen.setStatus({ orderId: placed.id, status: 'ready' });
    await kitchen.kitchen.setStatus({ orderId: placed.id, status: 'collected' });
    expect((await kitchen.kitchen.lookup({ code: number })).tickets[0]).toMatchObject({ id: placed.id, status: 'collected' });
  });
});

describe('kitchen staff', () => {
  it('have no wallet, no orders and no people: only the display, the menu and their own account', async () => {
    const w = await setUp();
    const kitchen = await w.as('kitchen');
    expect(await reasonOf(kitchen.wallet.balance({}))).toBe('ROLE_REQUIRED');
    expect(await reasonOf(kitchen.order.list({}))).toBe('ROLE_REQUIRED');
    expect(
      await reasonOf(
        kitchen.order.place({ items: [{ productId: w.soup.id, quantity: 1 }], idempotencyKey: newIdempotencyKey() }),
      ),
    ).toBe('ROLE_REQUIRED');
    expect(await reasonOf(kitchen.user.list({}))).toBe('ROLE_REQUIRED');
    expect(await reasonOf(kitchen.report.revenue({ from: '2026-01-01', to: '2026-02-01' }))).toBe('ROLE_REQUIRED');
    expect((await kitchen.auth.me()).role).toBe('kitchen');
    expect((await kitchen.product.list({})).items.length).toBeGreaterThan(0);
    // Sold out, then back: kitchen staff count stock.
    expect((await kitchen.product.adjustStock({ id: w.soup.id, set: 0 })).stock).toBe(0);
    expect((await kitchen.product.adjustStock({ id: w.soup.id, delta: 5 })).stock).toBe(5);
    // Nobody can move money for a kitchen account: it has no wallet.
    const payer = await makePayer(orm);
    expect(
      await reasonOf((await w.as('admin')).wallet.credit({ userId: w.kitchen.id, payerId: payer.id, amountCents: 500 })),
    ).toBe('NOT_FOUND');
  });
});

describe('order.cancel', () => {
  it('gives each payer its share back and the stock back, once, while the order is placed', async () => {
    const w = await setUp();
    const employee = await w.as('employee');
    const balance = (await employee.wallet.balance({})).totalCents;
    const placed = await w.order();
    expect(await stockOf(w.soup.id)).toBe(8);
    const cancelled = await employee.order.cancel({ orderId: placed.id });
    expect(cancelled).toMatchObject({ status: 'cancelled', refundedAt: null });
    expect(cancelled.cancelledAt).not.toBeNull();
    expect((await employee.wallet.balance({})).totalCents).toBe(balance);
    expect(await stockOf(w.soup.id)).toBe(10);
    // Again: already cancelled, nothing more comes back.
    expect((await employee.order.cancel({ orderId: placed.id })).status).toBe('cancelled');
    expect((await employee.wallet.balance({})).totalCents).toBe(balance);
    expect(await orm.em.fork().count(WalletEntry, { order: placed.id, kind: 'refund' })).toBe(1);
    expect(await orm.em.fork().count(AuditEntry, { action: 'order.cancel', entity: 'Order', entityId: placed.id })).toBe(1);
    // A cancelled order can be neither refunded nor cooked.
    expect(await reasonOf((await w.as('manager')).order.refund({ orderId: placed.id }))).toBe('INVALID_TRANSITION');
    expect(await reasonOf((await w.as('kitchen')).kitchen.setStatus({ orderId: placed.id, status: 'preparing' }))).toBe(
      'INVALID_TRANSITION',
    );
    expect(await ledgerViolations(orm)).toEqual([]);
    expect(await orderViolations(orm.em.fork())).toEqual([]);
  });

  it('is refused once the kitchen has started, and to anyone but the owner', async () => {
    const w = await setUp();
    const placed = await w.order();
    const other = await makeUser(orm, { role: 'employee', department: w.department });
    expect(await reasonOf((await createTestCaller({ user: other })).order.cancel({ orderId: placed.id }))).toBe('NOT_FOUND');
    expect(await reasonOf((await w.as('manager')).order.cancel({ orderId: placed.id }))).toBe('OUT_OF_SCOPE');
    expect(await reasonOf((await w.as('kitchen')).order.cancel({ orderId: placed.id }))).toBe('ROLE_REQUIRED');
    await (await w.as('kitchen')).kitchen.setStatus({ orderId: placed.id, status: 'preparing' });
    expect(await reasonOf((await w.as('employee')).order.cancel({ orderId: placed.id }))).toBe('ORDER_NOT_CANCELLABLE');
    // A manager may still refund it, once.
    const refunded = await (await w.as('manager')).order.refund({ orderId: placed.id, reason: 'Burnt' });
    expect(refunded.status).toBe('refunded');
    expect(await orm.em.fork().count(WalletEntry, { order: placed.id, kind: 'refund' })).toBe(1);
  });

  it('leaves the sales reports like a refund', async () => {
    const w = await setUp();
    const placed = await w.order();
    await (await w.as('employee')).order.cancel({ orderId: placed.id });
    const cancelled = await orm.em.fork().findOneOrFail(Order, placed.id);
    expect(cancelled.status).toBe('cancelled');
    expect(await summaryDrift(orm)).toMatchObject({ sales: [], dishes: [], dishMonths: [], funding: [], months: [] });
  });
});

describe('a cancel and the kitchen at the same moment', () => {
  it('end with exactly one of them applied, and the money back at most once', async () => {
    const w = await setUp();
    await fund(orm, w.employee, await makePayer(orm), 20_000);
    const outcomes = { cancelled: 0, preparing: 0 };
    for (let round = 0; round < 12; round++) {
      const placed = await w.order([{ productId: w.bread.id, quantity: 1 }]);
      const [cancel, prepare] = await Promise.allSettled([
        (await w.as('employee')).order.cancel({ orderId: placed.id }),
        (await w.as('kitchen')).kitchen.setStatus({ orderId: placed.id, status: 'preparing', from: 'placed' }),
      ]);
      const order = await orm.em.fork().findOneOrFail(Order, placed.id);
      const refunds = await orm.em.fork().count(WalletEntry, { order: placed.id, kind: 'refund' });
      if (order.status === 'cancelled') {
        outcomes.cancelled++;
        expect(cancel.status).toBe('fulfilled');
        expect(prepare.status).toBe('rejected');
        expect(refunds).toBe(1);
      } else {
        outcomes.preparing++;
        expect(order.status).toBe('preparing');
        expect(prepare.status).toBe('fulfilled');
        expect(cancel.status).toBe('rejected');
        expect(refunds).toBe(0);
      }
    }
    expect(outcomes.cancelled + outcomes.preparing).toBe(12);
    expect(await orderViolations(orm.em.fork())).toEqual([]);
    expect(await ledgerViolations(orm)).toEqual([]);
  });
});

describe('any sequence of lifecycle calls (property)', () => {
  type Call = { kind: 'kitchen'; to: KitchenStatus } | { kind: 'cancel' } | { kind: 'refund' };
  const call = fc.oneof(
    fc.record({
      kind: fc.constant('kitchen' as const),
      to: fc.constantFrom<KitchenStatus>('placed', 'preparing', 'ready', 'collected'),
    }),
    fc.constant({ kind: 'cancel' as const }),
    fc.constant({ kind: 'refund' as const }),
  );

  it('follows the shared state machine, returns the money at most once and keeps every invariant', async () => {
    const w = await setUp();
    await fund(orm, w.employee, await makePayer(orm), 100_000);
    const dish = await makeProduct(orm, { priceCents: 300, stock: 100 });
    const callers = { employee: await w.as('employee'), kitchen: await w.as('kitchen'), manager: await w.as('manager') };
    await fc.assert(
      fc.asyncProperty(fc.array(call, { minLength: 1, maxLength: 8 }), async (calls: Call[]) => {
        const placed = await w.order([{ productId: dish.id, quantity: 1 }]);
        let model: OrderStatus = 'placed';
        for (const next of calls) {
          const request =
            next.kind === 'kitchen'
              ? { to: next.to, by: 'kitchen' as const }
              : next.kind === 'cancel'
                ? { to: 'cancelled' as const, by: 'owner' as const }
                : { to: 'refunded' as const, by: 'manager' as const };
          const verdict = decideMove(model, request);
          const run =
            next.kind === 'kitchen'
              ? callers.kitchen.kitchen.setStatus({ orderId: placed.id, status: next.to })
              : next.kind === 'cancel'
                ? callers.employee.order.cancel({ orderId: placed.id })
                : callers.manager.order.refund({ orderId: placed.id });
          const reason = await reasonOf(run);
          if (verdict === 'apply' || verdict === 'unchanged') expect(reason).toBeNull();
          else expect(reason).toBe(verdict);
          if (verdict === 'apply') model = request.to;
          expect((await orm.em.fork().findOneOrFail(Order, placed.id)).status).toBe(model);
        }
        const refunds = await orm.em.fork().count(WalletEntry, { order: placed.id, kind: 'refund' });
        expect(refunds).toBe(model === 'cancelled' || model === 'refunded' ? 1 : 0);
      }),
      { numRuns: 15 },
    );
    expect(await orderViolations(orm.em.fork())).toEqual([]);
    expect(await ledgerViolations(orm)).toEqual([]);
    // Stock: 100 at the start, one less per order still standing.
    const standing = await orm.em
      .fork()
      .count(Order, { lines: { product: dish.id }, status: { $nin: ['cancelled', 'refunded'] } });
    expect(await stockOf(dish.id)).toBe(100 - standing);
  });
});

describe('the end of the day at the counter', () => {
  it('flags orders still open for a manager, takes them off the display, and refunds nothing', async () => {
    const w = await setUp();
    const employee = await w.as('employee');
    const forgotten = await w.order();
    const collected = await w.order();
    const kitchen = await w.as('kitchen');
    for (const status of ['preparing', 'ready', 'collected'] as const) {
      await kitchen.kitchen.setStatus({ orderId: collected.id, status });
    }
    const balance = (await employee.wallet.balance({})).totalCents;
    expect(await flagUncollected(orm.em.fork(), { timeZone: 'UTC' })).toBeGreaterThanOrEqual(1);
    expect((await employee.order.byId({ id: forgotten.id })).uncollectedAt).not.toBeNull();
    expect((await employee.order.byId({ id: collected.id })).uncollectedAt).toBeNull();
    expect((await kitchen.kitchen.queue({})).tickets.some((t) => t.id === forgotten.id)).toBe(false);
    expect((await employee.wallet.balance({})).totalCents).toBe(balance);
    const flagged = await (await w.as('manager')).order.list({ uncollected: true, limit: 50 });
    expect(flagged.items.map((o) => o.id)).toContain(forgotten.id);
    expect(flagged.items.map((o) => o.id)).not.toContain(collected.id);
    // Found at the counter later, it can still be handed over; a manager may also refund it.
    expect((await kitchen.kitchen.lookup({ code: forgotten.id })).tickets[0]?.status).toBe('placed');
    expect((await (await w.as('manager')).order.refund({ orderId: forgotten.id })).status).toBe('refunded');
    expect(await orm.em.fork().count(AuditEntry, { action: 'system.uncollected' })).toBeGreaterThanOrEqual(1);
  });

  it('runs just before midnight in the canteen time zone', async () => {
    const jobs = await startTestJobs(`pgboss_uncollected_${process.pid}`);
    try {
      await workOrderJobs(jobs, { forkEm: () => orm.em.fork(), timeZone: 'Europe/Berlin', logger: silentLogger });
      const schedules = await orm.em
        .fork()
        .getConnection()
        .execute<{ name: string; cron: string; timezone: string }[]>(
          `select name, cron, timezone from pgboss_uncollected_${process.pid}.schedule`,
        );
      expect(schedules).toEqual([{ name: 'orders-uncollected', cron: UNCOLLECTED_CRON, timezone: 'Europe/Berlin' }]);
    } finally {
      await jobs.stop();
    }
  });
});

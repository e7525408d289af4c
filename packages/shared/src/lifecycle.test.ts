import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ALLOWED_MOVES,
  MONEY_RETURNED_STATUSES,
  type Mover,
  ORDER_STATUSES,
  type OrderStatus,
  allDayCounts,
  decideMove,
  isCancellable,
  isRefundable,
  nextKitchenStatus,
  previousKitchenStatus,
} from './lifecycle';

const MOVERS: Mover[] = ['kitchen', 'owner', 'manager'];

describe('decideMove', () => {
  it('walks the kitchen path forward and one step back', () => {
    expect(decideMove('placed', { to: 'preparing', by: 'kitchen' })).toBe('apply');
    expect(decideMove('preparing', { to: 'ready', by: 'kitchen' })).toBe('apply');
    expect(decideMove('ready', { to: 'collected', by: 'kitchen' })).toBe('apply');
    expect(decideMove('collected', { to: 'ready', by: 'kitchen' })).toBe('apply');
    expect(decideMove('preparing', { to: 'placed', by: 'kitchen' })).toBe('apply');
  });

  it('never skips a step', () => {
    expect(decideMove('placed', { to: 'ready', by: 'kitchen' })).toBe('INVALID_TRANSITION');
    expect(decideMove('placed', { to: 'collected', by: 'kitchen' })).toBe('INVALID_TRANSITION');
    expect(decideMove('ready', { to: 'placed', by: 'kitchen' })).toBe('INVALID_TRANSITION');
  });

  it('lets the owner cancel only while placed', () => {
    expect(decideMove('placed', { to: 'cancelled', by: 'owner' })).toBe('apply');
    for (const status of ['preparing', 'ready', 'collected', 'refunded'] as const) {
      expect(decideMove(status, { to: 'cancelled', by: 'owner' })).toBe('ORDER_NOT_CANCELLABLE');
    }
    expect(decideMove('cancelled', { to: 'cancelled', by: 'owner' })).toBe('unchanged');
  });

  it('lets only the owner cancel and only a manager refund', () => {
    expect(decideMove('placed', { to: 'cancelled', by: 'kitchen' })).toBe('ORDER_NOT_CANCELLABLE');
    expect(decideMove('placed', { to: 'refunded', by: 'owner' })).toBe('INVALID_TRANSITION');
    expect(decideMove('placed', { to: 'refunded', by: 'kitchen' })).toBe('INVALID_TRANSITION');
  });

  it('refunds any order whose money has not gone back, once', () => {
    for (const status of ['placed', 'preparing', 'ready', 'collected'] as const) expect(isRefundable(status)).toBe(true);
    expect(decideMove('refunded', { to: 'refunded', by: 'manager' })).toBe('unchanged');
    expect(decideMove('cancelled', { to: 'refunded', by: 'manager' })).toBe('INVALID_TRANSITION');
  });

  it('refuses a move from a status the caller did not see, so a retried tap never undoes a later one', () => {
    expect(decideMove('ready', { to: 'preparing', by: 'kitchen', from: 'placed' })).toBe('ORDER_STATUS_CHANGED');
    expect(decideMove('ready', { to: 'preparing', by: 'kitchen', from: 'ready' })).toBe('apply');
    // Already there: the retry of the tap that got it there succeeds without change.
    expect(decideMove('preparing', { to: 'preparing', by: 'kitchen', from: 'placed' })).toBe('unchanged');
  });

  it('names the next and previous kitchen steps along the allowed moves', () => {
    for (const status of ORDER_STATUSES) {
      const next = nextKitchenStatus(status);
      if (next) expect(decideMove(status, { to: next, by: 'kitchen' })).toBe('apply');
      const back = previousKitchenStatus(status);
      if (back) expect(decideMove(status, { to: back, by: 'kitchen' })).toBe('apply');
    }
    expect(isCancellable('placed')).toBe(true);
    expect(isCancellable('preparing')).toBe(false);
  });

  it('lists its moves', () => {
    expect(ALLOWED_MOVES).toHaveLength(11);
  });
});

describe('the lifecycle as a whole (property)', () => {
  const request = fc.record({
    to: fc.constantFrom(...ORDER_STATUSES),
    by: fc.constantFrom(...MOVERS),
    from: fc.option(fc.constantFrom(...ORDER_STATUSES), { nil: undefined }),
  });

  it('never reaches an undefined state, never returns money twice, never leaves a final state', () => {
    fc.assert(
      fc.property(fc.array(request, { maxLength: 40 }), (requests) => {
        let status: OrderStatus = 'placed';
        let moneyReturned = 0;
        for (const move of requests) {
          const before = status;
          const verdict = decideMove(status, move);
          if (verdict === 'apply') {
            status = move.to;
            if ((MONEY_RETURNED_STATUSES as readonly string[]).includes(status)) moneyReturned += 1;
          }
          expect(ORDER_STATUSES).toContain(status);
          if ((MONEY_RETURNED_STATUSES as readonly string[]).includes(before)) expect(status).toBe(before);
          if (verdict === 'unchanged') expect(status).toBe(before);
        }
        expect(moneyReturned).toBeLessThanOrEqual(1);
      }),
      { numRuns: 2000 },
    );
  });

  it('is idempotent: asking twice for the same move changes nothing the second time', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ORDER_STATUSES), request, (start, move) => {
        const first = decideMove(start, move);
        const after = first === 'apply' ? move.to : start;
        const again = decideMove(after, move);
        if (first === 'apply' || first === 'unchanged') expect(again).toBe('unchanged');
      }),
    );
  });
});

const line = (productId: string, quantity: number) => ({ productId, productName: productId, quantity });

describe('allDayCounts', () => {
  it('adds up what placed and preparing tickets still need, most first', () => {
    expect(
      allDayCounts([
        { status: 'placed', lines: [line('soup', 2), line('bread', 1)] },
        { status: 'preparing', lines: [line('soup', 1)] },
        { status: 'ready', lines: [line('cake', 5)] },
      ]),
    ).toEqual([
      { productId: 'soup', productName: 'soup', quantity: 3 },
      { productId: 'bread', productName: 'bread', quantity: 1 },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { type CartState, cartOps, newIdempotencyKey } from './cart-store';

const empty: CartState = { lines: [], checkoutKey: null };

describe('cart operations', () => {
  it('adds, merges and caps quantities at the per-line maximum', () => {
    let state = cartOps.add(empty, 'a')!;
    state = cartOps.add(state, 'a', 2)!;
    state = cartOps.add(state, 'b')!;
    expect(state.lines).toEqual([
      { productId: 'a', quantity: 3 },
      { productId: 'b', quantity: 1 },
    ]);
    expect(cartOps.add(state, 'a', 50)!.lines[0]?.quantity).toBe(20);
  });

  it('refuses a line past the most one order may have', () => {
    let state = empty;
    for (let index = 0; index < 30; index += 1) state = cartOps.add(state, `p${index}`)!;
    expect(cartOps.add(state, 'one-more')).toBeNull();
    expect(cartOps.add(state, 'p0')).not.toBeNull();
  });

  it('forgets the checkout key whenever the basket changes', () => {
    const pending: CartState = { lines: [{ productId: 'a', quantity: 1 }], checkoutKey: 'key-12345678' };
    expect(cartOps.add(pending, 'a')!.checkoutKey).toBeNull();
    expect(cartOps.setQuantity(pending, 'a', 0)).toEqual(empty);
  });

  it('makes keys the API accepts', () => {
    expect(newIdempotencyKey()).toMatch(/^[0-9a-f-]{36}$/);
  });
});

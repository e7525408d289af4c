import { describe, expect, it } from 'vitest';
import { type CartState, cartOps, newIdempotencyKey } from './cart-store';

const empty: CartState = { lines: [], checkoutKey: null };

describe('cart operations', () => {
  it('forgets the checkout key whenever the basket changes', () => {
    const pending: CartState = { lines: [{ productId: 'a', quantity: 1 }], checkoutKey: 'key-12345678' };
    expect(cartOps.add(pending, 'a')).toEqual({ lines: [{ productId: 'a', quantity: 2 }], checkoutKey: null });
    expect(cartOps.setQuantity(pending, 'a', 0)).toEqual(empty);
  });

  it('makes keys the API accepts', () => {
    expect(newIdempotencyKey()).toMatch(/^[0-9a-f-]{36}$/);
  });
});

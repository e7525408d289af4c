import { MAX_LINE_QUANTITY, MAX_ORDER_LINES } from '@canteen/shared/constants';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type CartState, cartOps, newIdempotencyKey, pickupDayOf, toCartState } from './cart-store';

const empty: CartState = { lines: [], checkoutKey: null, pickupDay: null };

/** localStorage as a browser tab sees it; the test plays the other tab by writing to it directly. */
const memoryStorage = (): Storage => {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    key: (index) => [...items.keys()][index] ?? null,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
    clear: () => items.clear(),
  };
};

/** A fresh module, as after a reload: no store has read localStorage yet. */
const loadStore = async () => {
  vi.resetModules();
  return import('./cart-store');
};

describe('cart operations', () => {
  it('forgets the checkout key whenever the basket changes', () => {
    const pending: CartState = { lines: [{ productId: 'a', quantity: 1 }], checkoutKey: 'key-12345678', pickupDay: null };
    expect(cartOps.add(pending, { productId: 'a', quantity: 1 })).toEqual({
      lines: [{ productId: 'a', quantity: 2 }],
      checkoutKey: null,
      pickupDay: null,
    });
    expect(cartOps.setQuantity(pending, { productId: 'a' }, 0)).toEqual(empty);
  });

  it('keeps the pickup day through basket changes, and a new day is a new checkout', () => {
    const tuesday: CartState = { lines: [{ productId: 'a', quantity: 1 }], checkoutKey: 'key-12345678', pickupDay: '2026-12-08' };
    expect(cartOps.add(tuesday, { productId: 'b', quantity: 1 })?.pickupDay).toBe('2026-12-08');
    expect(cartOps.setQuantity(tuesday, { productId: 'a' }, 3).pickupDay).toBe('2026-12-08');
    expect(cartOps.setPickupDay(tuesday, '2026-12-09')).toEqual({ ...tuesday, pickupDay: '2026-12-09', checkoutKey: null });
    expect(cartOps.setPickupDay(tuesday, null)).toEqual({ ...tuesday, pickupDay: null, checkoutKey: null });
    // The same day again changes nothing, not even the checkout key.
    expect(cartOps.setPickupDay(tuesday, '2026-12-08')).toBe(tuesday);
  });

  it('keeps to the shared basket rules: a quantity cap per line and a most lines per order', () => {
    const one: CartState = { lines: [{ productId: 'a', quantity: MAX_LINE_QUANTITY - 1 }], checkoutKey: null, pickupDay: null };
    expect(cartOps.add(one, { productId: 'a', quantity: 5 })?.lines).toEqual([{ productId: 'a', quantity: MAX_LINE_QUANTITY }]);
    expect(cartOps.setQuantity(one, { productId: 'a' }, 99).lines).toEqual([{ productId: 'a', quantity: MAX_LINE_QUANTITY }]);
    const full: CartState = {
      lines: Array.from({ length: MAX_ORDER_LINES }, (_, index) => ({ productId: `p${index}`, quantity: 1 })),
      checkoutKey: null,
      pickupDay: null,
    };
    expect(cartOps.add(full, { productId: 'one-too-many', quantity: 1 })).toBeNull();
  });

  it('keeps a dish with other options or a note as its own line, and drops broken options when loading', () => {
    const none: CartState = { lines: [], checkoutKey: null, pickupDay: null };
    const withFries = cartOps.add(none, { productId: 'burger', quantity: 1, optionIds: ['fries', 'cheese'] })!;
    const twice = cartOps.add(withFries, { productId: 'burger', quantity: 1, optionIds: ['cheese', 'fries'] })!;
    const withSalad = cartOps.add(twice, { productId: 'burger', quantity: 1, optionIds: ['salad'], note: 'no onions' })!;
    expect(withSalad.lines).toEqual([
      { productId: 'burger', quantity: 2, optionIds: ['cheese', 'fries'] },
      { productId: 'burger', quantity: 1, optionIds: ['salad'], note: 'no onions' },
    ]);
    expect(
      cartOps.setQuantity(withSalad, { productId: 'burger', optionIds: ['salad'], note: 'no onions' }, 0).lines,
    ).toHaveLength(1);
    expect(
      toCartState({
        lines: [
          { productId: 'a', quantity: 1, optionIds: [3] },
          { productId: 'b', quantity: 1, note: 'x' },
        ],
      }).lines,
    ).toEqual([{ productId: 'b', quantity: 1, note: 'x' }]);
  });

  it('makes keys the API accepts', () => {
    expect(newIdempotencyKey()).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('stored carts', () => {
  it('reads what is stored through the basket rules and drops what is broken', () => {
    expect(
      toCartState({
        lines: [
          { productId: 'a', quantity: 99 },
          { productId: 'b', quantity: 0 },
          { productId: 'c', quantity: 1.5 },
          { quantity: 2 },
          'junk',
          { productId: 'd', quantity: 2 },
          { productId: 'd', quantity: 1 },
        ],
        checkoutKey: 7,
      }),
    ).toEqual({
      lines: [
        { productId: 'a', quantity: MAX_LINE_QUANTITY },
        { productId: 'd', quantity: 3 },
      ],
      checkoutKey: null,
      pickupDay: null,
    });
    expect(toCartState('nonsense')).toEqual(empty);
    expect(toCartState(null)).toEqual(empty);
  });

  it('reads the pickup day as of today: a later day stays, a day gone by or nonsense is today', () => {
    const today = '2026-12-06';
    const stored = (pickupDay: unknown) => toCartState({ lines: [{ productId: 'a', quantity: 1 }], pickupDay }, today).pickupDay;
    expect(stored('2026-12-08')).toBe('2026-12-08');
    expect(stored('2026-12-20')).toBe('2026-12-20');
    expect(stored('2026-12-06')).toBeNull();
    expect(stored('2026-12-05')).toBeNull();
    expect(stored(undefined)).toBeNull();
    expect(stored('2026-02-30')).toBeNull();
    expect(stored('next tuesday')).toBeNull();
    expect(stored(20261208)).toBeNull();
    // Further ahead than any setting allows (14 days).
    expect(stored('2026-12-21')).toBeNull();
    expect(pickupDayOf('2027-01-01', '2026-12-31')).toBe('2027-01-01');
  });
});

describe('cart persistence', () => {
  let storage: Storage;
  beforeEach(() => {
    storage = memoryStorage();
    vi.stubGlobal('localStorage', storage);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('keeps each user’s cart in localStorage in its own entry, and no entry for an empty cart', async () => {
    const { cartOps: ops, cartStoreFor } = await loadStore();
    const store = cartStoreFor('user-1');
    store.setState(ops.add(store.getState(), { productId: 'a', quantity: 2 }) ?? empty, true);
    expect(JSON.parse(storage.getItem('canteen.cart.user-1') ?? 'null')).toEqual({
      lines: [{ productId: 'a', quantity: 2 }],
      checkoutKey: null,
      pickupDay: null,
    });
    expect(storage.getItem('canteen.cart.user-2')).toBeNull();

    store.setState(ops.setQuantity(store.getState(), { productId: 'a' }, 0), true);
    expect(storage.getItem('canteen.cart.user-1')).toBeNull();
  });

  it('loads the cart saved before a reload, capped by the rules', async () => {
    storage.setItem(
      'canteen.cart.user-1',
      JSON.stringify({ lines: [{ productId: 'a', quantity: 99 }], checkoutKey: 'key-12345678' }),
    );
    const { cartStoreFor } = await loadStore();
    expect(cartStoreFor('user-1').getState()).toEqual({
      lines: [{ productId: 'a', quantity: MAX_LINE_QUANTITY }],
      checkoutKey: 'key-12345678',
      pickupDay: null,
    });
    expect(cartStoreFor('user-2').getState()).toEqual(empty);
  });

  it('keeps a cart for a later day even while it is empty, and forgets it with the basket', async () => {
    const { cartOps: ops, cartStoreFor } = await loadStore();
    const store = cartStoreFor('user-1');
    store.setState(ops.setPickupDay(store.getState(), '2099-01-02'), true);
    expect(JSON.parse(storage.getItem('canteen.cart.user-1') ?? 'null')).toEqual({ ...empty, pickupDay: '2099-01-02' });
    store.setState(empty, true);
    expect(storage.getItem('canteen.cart.user-1')).toBeNull();
  });

  it('follows the changes another tab makes', async () => {
    const { cartStoreFor, syncCartFromStorage } = await loadStore();
    const store = cartStoreFor('user-1');
    const seen: CartState[] = [];
    store.subscribe((state) => seen.push(state));

    storage.setItem('canteen.cart.user-1', JSON.stringify({ lines: [{ productId: 'b', quantity: 3 }], checkoutKey: null }));
    syncCartFromStorage('canteen.cart.user-1');
    expect(store.getState().lines).toEqual([{ productId: 'b', quantity: 3 }]);

    // The other tab placed the order: its cart entry is gone.
    storage.removeItem('canteen.cart.user-1');
    syncCartFromStorage('canteen.cart.user-1');
    expect(store.getState()).toEqual(empty);

    // Another user's cart or another app's key changes nothing here.
    storage.setItem('canteen.cart.user-2', JSON.stringify({ lines: [{ productId: 'c', quantity: 1 }] }));
    syncCartFromStorage('canteen.cart.user-2');
    syncCartFromStorage('theme');
    expect(store.getState()).toEqual(empty);
    expect(seen.map((state) => state.lines.length)).toEqual([1, 0]);
  });
});

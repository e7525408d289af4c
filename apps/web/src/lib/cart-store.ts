import { useSyncExternalStore } from 'react';
import { MAX_LINE_QUANTITY } from '@canteen/shared/constants';
import { type BasketLine, addToBasket, setBasketQuantity } from '@canteen/shared/rules';
import { useSession } from './auth';

export type CartLine = BasketLine;
export type CartState = { lines: CartLine[]; checkoutKey: string | null };

/**
 * What is kept per user in localStorage: dish ids and quantities only (prices are always read from the API),
 * and the idempotency key of a checkout that was sent but not confirmed, so a retry, even after a reload,
 * cannot charge twice.
 */
const EMPTY: CartState = { lines: [], checkoutKey: null };
const storageKey = (userId: string) => `canteen.cart.${userId}`;

const isLine = (value: unknown): value is CartLine =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as CartLine).productId === 'string' &&
  Number.isInteger((value as CartLine).quantity) &&
  (value as CartLine).quantity > 0;

const read = (userId: string): CartState => {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(storageKey(userId)) ?? 'null');
    if (typeof parsed !== 'object' || parsed === null) return EMPTY;
    const { lines, checkoutKey } = parsed as Partial<CartState>;
    return {
      lines: Array.isArray(lines)
        ? lines.filter(isLine).map((line) => ({ ...line, quantity: Math.min(line.quantity, MAX_LINE_QUANTITY) }))
        : [],
      checkoutKey: typeof checkoutKey === 'string' ? checkoutKey : null,
    };
  } catch {
    return EMPTY;
  }
};

const cache = new Map<string, CartState>();
const listeners = new Set<() => void>();
const notify = () => {
  for (const listener of listeners) listener();
};

const getState = (userId: string): CartState => {
  let state = cache.get(userId);
  if (!state) {
    state = read(userId);
    cache.set(userId, state);
  }
  return state;
};

const setState = (userId: string, next: CartState): void => {
  cache.set(userId, next);
  try {
    if (next.lines.length === 0 && !next.checkoutKey) localStorage.removeItem(storageKey(userId));
    else localStorage.setItem(storageKey(userId), JSON.stringify(next));
  } catch {
    // Private mode or a full quota: the cart still works for this tab.
  }
  notify();
};

// Another tab changed the cart: drop our copy and re-read.
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (!event.key?.startsWith('canteen.cart.')) return;
    cache.delete(event.key.slice('canteen.cart.'.length));
    notify();
  });
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** Any change to the basket makes it a different checkout, which needs a new idempotency key. */
const withLines = (lines: CartLine[]): CartState => ({ lines, checkoutKey: null });

/** Pure cart operations for one user's cart (the basket rules are the shared ones); exported for tests. */
export const cartOps = {
  /** Null when the cart already holds the most lines one order may have. */
  add: (state: CartState, productId: string, quantity = 1): CartState | null => {
    const lines = addToBasket(state.lines, { productId, quantity });
    return lines && withLines(lines);
  },
  setQuantity: (state: CartState, productId: string, quantity: number): CartState =>
    withLines(setBasketQuantity(state.lines, productId, quantity)),
};

/** The signed-in user's cart. Signed out, it is empty and read-only. */
export const useCart = () => {
  const session = useSession();
  const userId = session.status === 'signedIn' ? session.user.id : null;
  const state = useSyncExternalStore(subscribe, () => (userId ? getState(userId) : EMPTY));
  const current = (): CartState => (userId ? getState(userId) : EMPTY);
  const update = (next: CartState | null): boolean => {
    if (!userId || !next) return false;
    setState(userId, next);
    return true;
  };
  return {
    lines: state.lines,
    count: state.lines.reduce((sum, line) => sum + line.quantity, 0),
    quantityOf: (productId: string) => state.lines.find((line) => line.productId === productId)?.quantity ?? 0,
    /** False when the cart already holds the most lines one order may have. */
    add: (productId: string, quantity = 1): boolean => update(cartOps.add(current(), productId, quantity)),
    setQuantity: (productId: string, quantity: number) => update(cartOps.setQuantity(current(), productId, quantity)),
    remove: (productId: string) => update(cartOps.setQuantity(current(), productId, 0)),
    clear: () => update(EMPTY),
    /** The server saw this key with another basket: start a new checkout. */
    resetCheckoutKey: () => update({ ...current(), checkoutKey: null }),
    /** The key for this basket's checkout: the same one until the basket changes or the order goes through. */
    checkoutKey: (): string => {
      const now = current();
      if (!userId) return newIdempotencyKey();
      if (now.checkoutKey) return now.checkoutKey;
      const key = newIdempotencyKey();
      setState(userId, { ...now, checkoutKey: key });
      return key;
    },
  };
};

/** A random UUID; crypto.randomUUID exists only in secure contexts, getRandomValues everywhere. */
export const newIdempotencyKey = (): string => {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

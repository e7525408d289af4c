import { DaySchema, MAX_PREORDER_DAYS } from '@canteen/shared';
import { addDays } from '@canteen/shared/calendar';
import { type BasketLine, addToBasket, dishQuantity, setBasketQuantity } from '@canteen/shared/rules';
import { useStore } from 'zustand';
import { type PersistStorage, persist } from 'zustand/middleware';
import { createStore } from 'zustand/vanilla';
import { useSession } from './auth';
import { canteenToday } from './canteen-config';

export type CartLine = BasketLine;
/** `pickupDay`: the one day the cart is for (`YYYY-MM-DD`, canteen's zone); null is today. */
export type CartState = { lines: CartLine[]; checkoutKey: string | null; pickupDay: string | null };

/**
 * What is kept per user in localStorage: dish ids and quantities only (prices are always read from the API),
 * and the idempotency key of a checkout that was sent but not confirmed, so a retry, even after a reload,
 * cannot charge twice.
 */
const EMPTY: CartState = { lines: [], checkoutKey: null, pickupDay: null };
const KEY_PREFIX = 'canteen.cart.';

const isLine = (value: unknown): value is CartLine => {
  if (typeof value !== 'object' || value === null) return false;
  const { productId, quantity, optionIds, note } = value as CartLine;
  return (
    typeof productId === 'string' &&
    Number.isInteger(quantity) &&
    quantity > 0 &&
    (optionIds === undefined || (Array.isArray(optionIds) && optionIds.every((id) => typeof id === 'string'))) &&
    (note === undefined || typeof note === 'string')
  );
};

/** A line as the cart keeps it: options and note only when there are any. */
const cartLine = ({ productId, quantity, optionIds, note }: CartLine): CartLine => ({
  productId,
  quantity,
  ...(optionIds?.length ? { optionIds: [...optionIds].sort() } : {}),
  ...(note ? { note } : {}),
});

/**
 * The day a cart is for, as of `today`: a later day within reach of any setting; today, a day gone by, or anything
 * else reads as null (today). Whether the canteen takes orders that far ahead is the API's to say at checkout.
 */
export const pickupDayOf = (day: unknown, today: string): string | null => {
  const parsed = DaySchema.safeParse(day);
  return parsed.success && parsed.data > today && parsed.data <= addDays(today, MAX_PREORDER_DAYS) ? parsed.data : null;
};

/**
 * A stored cart as the basket rules allow it (written by an older version, another tab or by hand): broken
 * lines are dropped, and the shared rules cap each quantity and the number of lines. A pickup day in the past
 * reads as today.
 */
export const toCartState = (stored: unknown, today = canteenToday()): CartState => {
  if (typeof stored !== 'object' || stored === null) return EMPTY;
  const { lines, checkoutKey, pickupDay } = stored as Partial<CartState>;
  return {
    lines: Array.isArray(lines)
      ? lines.filter(isLine).reduce<CartLine[]>((basket, line) => addToBasket(basket, cartLine(line)) ?? basket, [])
      : [],
    checkoutKey: typeof checkoutKey === 'string' ? checkoutKey : null,
    pickupDay: pickupDayOf(pickupDay, today),
  };
};

/**
 * The cart's own format in localStorage (`{ lines, checkoutKey, pickupDay }`, nothing for an empty cart for
 * today), so carts saved before this store existed still load. A missing entry reads as an empty cart, which is how another tab's
 * "Empty cart" or checkout reaches this one.
 */
const cartStorage: PersistStorage<CartState> = {
  getItem: (name) => {
    try {
      return { state: toCartState(JSON.parse(localStorage.getItem(name) ?? 'null')), version: 0 };
    } catch {
      return { state: EMPTY, version: 0 };
    }
  },
  setItem: (name, { state }) => {
    try {
      if (state.lines.length === 0 && !state.checkoutKey && !state.pickupDay) localStorage.removeItem(name);
      else localStorage.setItem(name, JSON.stringify(state));
    } catch {
      // Private mode or a full quota: the cart still works for this tab.
    }
  },
  removeItem: (name) => {
    try {
      localStorage.removeItem(name);
    } catch {
      // As above.
    }
  },
};

const createCartStore = (userId: string) =>
  createStore<CartState>()(persist(() => EMPTY, { name: `${KEY_PREFIX}${userId}`, storage: cartStorage }));

const stores = new Map<string, ReturnType<typeof createCartStore>>();

/** One user's cart, read from localStorage when first asked for and saved there on every change. */
export const cartStoreFor = (userId: string) => {
  let store = stores.get(userId);
  if (!store) {
    store = createCartStore(userId);
    stores.set(userId, store);
  }
  return store;
};

/** Signed out, the cart is empty and read-only. */
const signedOutCart = createStore<CartState>()(() => EMPTY);

/** Another tab changed localStorage (`key` null: it was cleared): re-read the carts it touched. */
export const syncCartFromStorage = (key: string | null): void => {
  if (key !== null && !key.startsWith(KEY_PREFIX)) return;
  for (const [userId, store] of stores) {
    if (key === null || key === `${KEY_PREFIX}${userId}`) void store.persist.rehydrate();
  }
};

if (typeof window !== 'undefined') window.addEventListener('storage', (event) => syncCartFromStorage(event.key));

/** Any change to the basket makes it a different checkout, which needs a new idempotency key. */
const withLines = (state: CartState, lines: CartLine[]): CartState => ({ ...state, lines, checkoutKey: null });

/** Pure cart operations for one user's cart (the basket rules are the shared ones); exported for tests. */
export const cartOps = {
  /** A dish (with its options and note): null when the cart already holds the most lines one order may have. */
  add: (state: CartState, line: CartLine): CartState | null => {
    const lines = addToBasket(state.lines, cartLine(line));
    return lines && withLines(state, lines);
  },
  /** The quantity of one line (its dish, options and note); zero removes it. */
  setQuantity: (state: CartState, target: Omit<CartLine, 'quantity'>, quantity: number): CartState =>
    withLines(state, setBasketQuantity(state.lines, target, quantity)),
  /** A line's note for the kitchen (empty: none): the line with that note, merged with an equal one. */
  setNote: (state: CartState, target: CartLine, note: string): CartState => {
    const without = setBasketQuantity(state.lines, target, 0);
    const lines = addToBasket(without, cartLine({ ...target, note: note.trim() || undefined })) ?? state.lines;
    return withLines(state, lines);
  },
  /** The cart for another day (null: today) is another checkout too (the API hashes the day with the basket). */
  setPickupDay: (state: CartState, day: string | null): CartState =>
    state.pickupDay === day ? state : { ...state, pickupDay: day, checkoutKey: null },
};

/** The signed-in user's cart. Signed out, it is empty and read-only. */
export const useCart = () => {
  const session = useSession();
  const store = session.status === 'signedIn' ? cartStoreFor(session.user.id) : signedOutCart;
  const state = useStore(store);
  const isWritable = store !== signedOutCart;
  const current = (): CartState => store.getState();
  const update = (next: CartState | null): boolean => {
    if (!isWritable || !next) return false;
    store.setState(next, true);
    return true;
  };
  // A day that has passed since it was chosen (the page stayed open overnight) is today now.
  const pickupDay = pickupDayOf(state.pickupDay, canteenToday());
  return {
    lines: state.lines,
    /** The day the cart is for; null: today. */
    pickupDay,
    count: state.lines.reduce((sum, line) => sum + line.quantity, 0),
    /** How many of a dish, over all its lines (other options, other notes). */
    quantityOf: (productId: string) => dishQuantity(state.lines, productId),
    /** A dish, with its options and note: false when the cart already holds the most lines one order may have. */
    add: (line: CartLine): boolean => update(cartOps.add(current(), line)),
    setQuantity: (target: Omit<CartLine, 'quantity'>, quantity: number) =>
      update(cartOps.setQuantity(current(), target, quantity)),
    remove: (target: Omit<CartLine, 'quantity'>) => update(cartOps.setQuantity(current(), target, 0)),
    setNote: (target: CartLine, note: string) => update(cartOps.setNote(current(), target, note)),
    clear: () => update(EMPTY),
    /** Orders the cart for another day (`YYYY-MM-DD`; null or today: today). */
    setPickupDay: (day: string | null) => update(cartOps.setPickupDay(current(), pickupDayOf(day, canteenToday()))),
    /** The server saw this key with another basket: start a new checkout. */
    resetCheckoutKey: () => update({ ...current(), checkoutKey: null }),
    /** The key for this basket's checkout: the same one until the basket changes or the order goes through. */
    checkoutKey: (): string => {
      const now = current();
      if (!isWritable) return newIdempotencyKey();
      if (now.checkoutKey) return now.checkoutKey;
      const key = newIdempotencyKey();
      update({ ...now, checkoutKey: key });
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

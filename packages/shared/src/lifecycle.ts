/**
 * The order lifecycle (docs/PRODUCT.md §5): the one state machine the API enforces and the web app follows to
 * offer only the moves the API will accept. Free of zod (`@canteen/shared/lifecycle`), like `rules.ts`.
 *
 *   placed ──► preparing ──► ready ──► collected        (the kitchen; one step back undoes a mis-tap)
 *     │
 *     └──► cancelled   (the owner, while nothing is cooked: the money and the stock go back)
 *   any open or collected order ──► refunded   (a manager: the money and the stock go back)
 *
 * `cancelled` and `refunded` are final, and only they give money back, so no sequence of moves returns an
 * order's money twice.
 */

export const ORDER_STATUSES = ['placed', 'preparing', 'ready', 'collected', 'cancelled', 'refunded'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** Where the kitchen moves an order (`kitchen.setStatus`). */
export const KITCHEN_STATUSES = ['placed', 'preparing', 'ready', 'collected'] as const;
export type KitchenStatus = (typeof KITCHEN_STATUSES)[number];

/** Orders the kitchen still has work on: its display's columns, in order. */
export const OPEN_STATUSES = ['placed', 'preparing', 'ready'] as const satisfies readonly OrderStatus[];
export type OpenStatus = (typeof OPEN_STATUSES)[number];

/** The states whose money went back: not sales, in no report. */
export const MONEY_RETURNED_STATUSES = ['cancelled', 'refunded'] as const satisfies readonly OrderStatus[];

/** Who asks for a move: the kitchen (kitchen staff, managers, admins), the order's owner, a manager refunding. */
export type Mover = 'kitchen' | 'owner' | 'manager';

const MOVES: Record<OrderStatus, Partial<Record<OrderStatus, Mover>>> = {
  placed: { preparing: 'kitchen', cancelled: 'owner', refunded: 'manager' },
  preparing: { ready: 'kitchen', placed: 'kitchen', refunded: 'manager' },
  ready: { collected: 'kitchen', preparing: 'kitchen', refunded: 'manager' },
  collected: { ready: 'kitchen', refunded: 'manager' },
  cancelled: {},
  refunded: {},
};

/**
 * `apply`: make the move. `unchanged`: the order is already there (a retry), so nothing happens and the call
 * succeeds. Otherwise the reason it is refused: `ORDER_NOT_CANCELLABLE` (the kitchen has started, or it is
 * closed), `ORDER_STATUS_CHANGED` (it moved since the caller looked), `INVALID_TRANSITION` (never allowed).
 */
export type MoveVerdict = 'apply' | 'unchanged' | 'ORDER_NOT_CANCELLABLE' | 'ORDER_STATUS_CHANGED' | 'INVALID_TRANSITION';

export type MoveRequest = {
  to: OrderStatus;
  by: Mover;
  /** The status the caller saw (the kitchen display sends it): a move from anything else is refused, so a retried tap never undoes a later one. */
  from?: OrderStatus | undefined;
};

export const decideMove = (current: OrderStatus, request: MoveRequest): MoveVerdict => {
  if (current === request.to) return 'unchanged';
  if (request.from !== undefined && request.from !== current) return 'ORDER_STATUS_CHANGED';
  if (MOVES[current][request.to] === request.by) return 'apply';
  return request.to === 'cancelled' ? 'ORDER_NOT_CANCELLABLE' : 'INVALID_TRANSITION';
};

/** The kitchen's next step for a ticket ("Start", "Ready", "Collected"), or null when it has none. */
export const nextKitchenStatus = (status: OrderStatus): KitchenStatus | null => {
  const next = { placed: 'preparing', preparing: 'ready', ready: 'collected' } as const;
  return status in next ? next[status as keyof typeof next] : null;
};

/** The step back that undoes the kitchen's last move, or null. */
export const previousKitchenStatus = (status: OrderStatus): KitchenStatus | null => {
  const previous = { preparing: 'placed', ready: 'preparing', collected: 'ready' } as const;
  return status in previous ? previous[status as keyof typeof previous] : null;
};

export const isOpen = (status: OrderStatus): status is OpenStatus => (OPEN_STATUSES as readonly string[]).includes(status);

/** Whether the owner may still cancel (the web offers the button on exactly these). */
export const isCancellable = (status: OrderStatus): boolean => decideMove(status, { to: 'cancelled', by: 'owner' }) === 'apply';

/** Whether a manager may still refund. */
export const isRefundable = (status: OrderStatus): boolean => decideMove(status, { to: 'refunded', by: 'manager' }) === 'apply';

/** Whether the order's money went back (cancelled or refunded): no sale, nothing to rate or refund. */
export const isMoneyReturned = (status: OrderStatus): boolean => (MONEY_RETURNED_STATUSES as readonly string[]).includes(status);

/** Every move the machine allows, for the tests and the docs. */
export const ALLOWED_MOVES: readonly { from: OrderStatus; to: OrderStatus; by: Mover }[] = ORDER_STATUSES.flatMap((from) =>
  Object.entries(MOVES[from]).map(([to, by]) => ({ from, to: to as OrderStatus, by })),
);

/** A ticket as far as the all-day count needs it. */
type CountedTicket = { status: OrderStatus; lines: readonly { productId: string; productName: string; quantity: number }[] };

/** "All day": how many of each dish the tickets not yet ready still need, most first (the display and the API agree). */
export const allDayCounts = (
  tickets: readonly CountedTicket[],
): { productId: string; productName: string; quantity: number }[] => {
  const counts = new Map<string, { productId: string; productName: string; quantity: number }>();
  for (const ticket of tickets) {
    if (ticket.status !== 'placed' && ticket.status !== 'preparing') continue;
    for (const line of ticket.lines) {
      const count = counts.get(line.productId) ?? { productId: line.productId, productName: line.productName, quantity: 0 };
      count.quantity += line.quantity;
      counts.set(line.productId, count);
    }
  }
  return [...counts.values()].sort((a, b) => b.quantity - a.quantity || a.productName.localeCompare(b.productName));
};

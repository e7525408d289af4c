/**
 * Product rules both sides apply: the API enforces them, the web app uses the same functions to offer only
 * what the API will accept. Free of zod, like `constants.ts`, so the first pages can import them
 * (`@canteen/shared/rules`).
 */
import { MAX_LINE_QUANTITY, MAX_ORDER_LINES, type PayerKind, type RankedRole, type Role } from './constants';

/** The kitchen ranks below everyone: it is none of employee, manager or admin. */
const ROLE_RANK: Record<Role, number> = { kitchen: 0, employee: 1, manager: 2, admin: 3 };

/** Roles are ranked: a manager may do what an employee may, an admin what a manager may. */
export const hasRole = (role: Role, atLeast: RankedRole): boolean => ROLE_RANK[role] >= ROLE_RANK[atLeast];

/**
 * Who may call a procedure (deny by default; every procedure declares one): `public` anyone; `signedIn` any
 * signed-in person; `user` people with a wallet (employees, managers, admins); `kitchen` the kitchen display and
 * counter (kitchen staff, managers, admins); `manager` managers and admins; `admin` admins.
 */
export const ACCESS_RULES = ['public', 'signedIn', 'user', 'kitchen', 'manager', 'admin'] as const;
export type AccessRule = (typeof ACCESS_RULES)[number];

const ROLES_OF: Record<Exclude<AccessRule, 'public'>, readonly Role[]> = {
  signedIn: ['employee', 'manager', 'admin', 'kitchen'],
  user: ['employee', 'manager', 'admin'],
  kitchen: ['kitchen', 'manager', 'admin'],
  manager: ['manager', 'admin'],
  admin: ['admin'],
};

export const canAccess = (role: Role, rule: AccessRule): boolean => rule === 'public' || ROLES_OF[rule].includes(role);

type PayerUser = { role: Role; departmentId: string | null };
type PayerRef = { kind: PayerKind; departmentId: string | null };

/** Admins credit from any payer; managers from their own department's budget or a promotion. */
export const mayUsePayer = (actor: PayerUser, payer: PayerRef): boolean => {
  if (actor.role === 'admin') return true;
  if (payer.kind === 'promo') return true;
  return payer.kind === 'department' && payer.departmentId !== null && payer.departmentId === actor.departmentId;
};

export const DEPARTMENT_REQUIRED_MESSAGE = 'Employees and managers belong to a department';

/** Employees and managers belong to a department; admins and kitchen staff may belong to none. */
export const hasRequiredDepartment = (user: { role: Role; departmentId: string | null }): boolean =>
  user.role === 'admin' || user.role === 'kitchen' || user.departmentId !== null;

/**
 * A line of a basket: the cart's, or the till's (which also carries the dish it shows). The options chosen (ids,
 * in a fixed order) and the note make a dish with other choices another line.
 */
export type BasketLine = { productId: string; quantity: number; optionIds?: string[] | undefined; note?: string | undefined };

/** What makes two lines one: the dish, the options chosen (in any order) and the note. */
export const basketLineKey = (line: Pick<BasketLine, 'productId' | 'optionIds' | 'note'>): string =>
  JSON.stringify([line.productId, [...(line.optionIds ?? [])].sort(), line.note ?? '']);

/** How many of a dish the basket holds over all its lines (the per-dish cap and the stock count these). */
export const dishQuantity = (lines: readonly BasketLine[], productId: string): number =>
  lines.reduce((sum, line) => (line.productId === productId ? sum + line.quantity : sum), 0);

/**
 * Adds `line.quantity` of a dish with its choices, up to the per-dish cap over all its lines; a choice not yet
 * in the basket is appended. Returns null when that would take the basket past the most lines one order may have.
 */
export const addToBasket = <L extends BasketLine>(lines: readonly L[], line: L): L[] | null => {
  const key = basketLineKey(line);
  const existing = lines.find((item) => basketLineKey(item) === key);
  if (!existing) {
    if (lines.length >= MAX_ORDER_LINES) return null;
    const room = MAX_LINE_QUANTITY - dishQuantity(lines, line.productId);
    return room <= 0 ? [...lines] : [...lines, { ...line, quantity: Math.min(room, line.quantity) }];
  }
  return setBasketQuantity(lines, existing, existing.quantity + line.quantity);
};

/** The most of one dish a basket may hold: the per-dish cap, or fewer when only that many are left. */
export const lineQuantityLimit = (stock: number | null): number => Math.min(MAX_LINE_QUANTITY, stock ?? MAX_LINE_QUANTITY);

/**
 * Sets a line's quantity (the line with `target`'s dish, options and note), up to what the per-dish cap leaves
 * beside the dish's other lines; zero or less removes the line.
 */
export const setBasketQuantity = <L extends BasketLine>(
  lines: readonly L[],
  target: Pick<BasketLine, 'productId' | 'optionIds' | 'note'>,
  quantity: number,
): L[] => {
  const key = basketLineKey(target);
  if (quantity <= 0) return lines.filter((line) => basketLineKey(line) !== key);
  const others = lines.reduce(
    (sum, line) => (line.productId === target.productId && basketLineKey(line) !== key ? sum + line.quantity : sum),
    0,
  );
  const most = Math.max(1, MAX_LINE_QUANTITY - others);
  return lines.map((line) => (basketLineKey(line) === key ? { ...line, quantity: Math.min(most, quantity) } : line));
};

/** What is on the menu now for "Order again": null when the dish is gone (archived or deleted). */
export type MenuAvailability = { isActive: boolean; stock: number | null } | null;

export type ReorderPlan = {
  /** What goes into the cart: every line still available, as many as are left (never above the per-line cap). */
  add: BasketLine[];
  /** Dishes that are off the menu or sold out, by name. */
  unavailable: string[];
  /** Dishes of which fewer are left than were ordered: the name and how many the cart gets. */
  reduced: { name: string; quantity: number }[];
};

/** "Order again": a past order's lines against the menu as it is now. */
export const planReorder = (
  lines: readonly {
    productId: string;
    productName: string;
    quantity: number;
    optionIds?: string[] | undefined;
    note?: string | null | undefined;
  }[],
  availability: ReadonlyMap<string, MenuAvailability>,
): ReorderPlan => {
  const plan: ReorderPlan = { add: [], unavailable: [], reduced: [] };
  for (const line of lines) {
    const dish = availability.get(line.productId) ?? null;
    const most = dish && dish.isActive ? lineQuantityLimit(dish.stock) : 0;
    if (most <= 0) {
      plan.unavailable.push(line.productName);
      continue;
    }
    const quantity = Math.min(line.quantity, most);
    if (quantity < line.quantity) plan.reduced.push({ name: line.productName, quantity });
    plan.add.push({
      productId: line.productId,
      quantity,
      ...(line.optionIds?.length ? { optionIds: line.optionIds } : {}),
      ...(line.note ? { note: line.note } : {}),
    });
  }
  return plan;
};

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

/** A line of a basket: the cart's, or the till's (which also carries the dish it shows). */
export type BasketLine = { productId: string; quantity: number };

/**
 * Adds `line.quantity` of a dish, up to the per-line cap; a dish not yet in the basket is appended. Returns
 * null when that would take the basket past the most lines one order may have.
 */
export const addToBasket = <L extends BasketLine>(lines: readonly L[], line: L): L[] | null => {
  const existing = lines.find((item) => item.productId === line.productId);
  if (!existing) {
    return lines.length >= MAX_ORDER_LINES ? null : [...lines, { ...line, quantity: Math.min(MAX_LINE_QUANTITY, line.quantity) }];
  }
  return setBasketQuantity(lines, line.productId, existing.quantity + line.quantity);
};

/** The most of one dish a line may hold: the per-line cap, or fewer when only that many are left. */
export const lineQuantityLimit = (stock: number | null): number => Math.min(MAX_LINE_QUANTITY, stock ?? MAX_LINE_QUANTITY);

/** Sets a dish's quantity, up to the per-line cap; zero or less removes the line. */
export const setBasketQuantity = <L extends BasketLine>(lines: readonly L[], productId: string, quantity: number): L[] =>
  quantity <= 0
    ? lines.filter((line) => line.productId !== productId)
    : lines.map((line) => (line.productId === productId ? { ...line, quantity: Math.min(MAX_LINE_QUANTITY, quantity) } : line));

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
  lines: readonly { productId: string; productName: string; quantity: number }[],
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
    plan.add.push({ productId: line.productId, quantity });
  }
  return plan;
};

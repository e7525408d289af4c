import { LockMode, ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { MenuDay, MenuDayDish, Product, User } from '@canteen/db';
import {
  type PlanDay,
  type PlanWeek,
  type SetPlanDishInput,
  addDays,
  canAccess,
  daysBetween,
  isoWeekStart,
} from '@canteen/shared';
import { AppError } from '../../errors';
import { requireRole } from '../../lib/access';
import type { ContextInner } from '../../trpc/context';

type Ctx = Pick<ContextInner, 'em' | 'user' | 'deps'>;

const weekOf = (day: string): string[] => {
  const monday = isoWeekStart(day);
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
};

const toPlanDay = (day: string, menuDay: MenuDay | undefined, dishes: MenuDayDish[]): PlanDay => ({
  day,
  publishedAt: menuDay?.publishedAt?.toISOString() ?? null,
  dishes: dishes
    .map((entry) => {
      const product = entry.product.getEntity();
      return {
        productId: product.id,
        name: product.name,
        priceCents: product.priceCents,
        allergens: product.allergens,
        dietaryTags: product.dietaryTags,
        isActive: product.isActive,
        plannedQuantity: entry.plannedQuantity ?? null,
        sold: entry.sold,
        left: entry.plannedQuantity === null || entry.plannedQuantity === undefined ? null : entry.plannedQuantity - entry.sold,
        isNew: entry.isNew,
        isChefsChoice: entry.isChefsChoice,
      };
    })
    .sort((a, b) => Number(b.isChefsChoice) - Number(a.isChefsChoice) || a.name.localeCompare(b.name)),
});

/** The menu of a day lists its planned daily dishes: cached menu pages go, in every process. */
const planChanged = async (ctx: Ctx): Promise<void> => {
  await ctx.deps.menuCache.invalidate();
};

/**
 * The week of `day`: each day with its dishes. People see the published days (their dishes are on the menu then);
 * managers and admins also the drafts they are planning.
 */
export const getWeek = async (ctx: Ctx, day: string): Promise<PlanWeek> => {
  const user = requireRole(ctx.user, 'signedIn');
  const days = weekOf(day);
  const seesDrafts = canAccess(user.role, 'manager');
  const menuDays = await ctx.em.find(MenuDay, { day: { $gte: days[0]!, $lte: days[6]! } });
  const byDay = new Map(menuDays.map((menuDay) => [menuDay.day, menuDay]));
  const visible = days.filter((d) => seesDrafts || byDay.get(d)?.publishedAt);
  const entries = visible.length ? await ctx.em.find(MenuDayDish, { menuDay: { $in: visible } }, { populate: ['product'] }) : [];
  return {
    weekStart: days[0]!,
    days: days.map((d) =>
      toPlanDay(d, byDay.get(d), visible.includes(d) ? entries.filter((entry) => entry.menuDay.day === d) : []),
    ),
  };
};

const menuDayFor = async (em: EntityManager, day: string): Promise<MenuDay> =>
  (await em.findOne(MenuDay, { day })) ?? em.create(MenuDay, { day });

/** Puts a daily dish on a day with its planned quantity and badges; never below what that day has sold already. */
export const setDish = async (ctx: Ctx, input: SetPlanDishInput): Promise<PlanWeek> => {
  requireRole(ctx.user, 'manager');
  await ctx.em.transactional(async (em) => {
    const product = await em.findOneOrFail(Product, input.productId);
    if (!product.isScheduled) {
      throw new AppError('BAD_REQUEST', `${product.name} is served every day; mark it as a daily dish to plan it`, {
        reason: 'PRODUCT_NOT_SCHEDULED',
      });
    }
    const menuDay = await menuDayFor(em, input.day);
    await em.flush();
    // Locked: an order taking this dish of this day waits, and cannot sell past the new quantity.
    const entry =
      (await em.findOne(
        MenuDayDish,
        { menuDay: input.day, product: product.id },
        { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
      )) ?? em.create(MenuDayDish, { menuDay, product, sold: 0 });
    if (input.plannedQuantity !== null && input.plannedQuantity < entry.sold) {
      throw new AppError('PRECONDITION_FAILED', `${entry.sold} have been ordered for that day already`, {
        reason: 'PLAN_BELOW_SOLD',
      });
    }
    entry.plannedQuantity = input.plannedQuantity;
    if (input.isNew !== undefined) entry.isNew = input.isNew;
    if (input.isChefsChoice !== undefined) entry.isChefsChoice = input.isChefsChoice;
    await em.flush();
  });
  await planChanged(ctx);
  return getWeek(ctx, input.day);
};

/** Takes a dish off a day; refused once it has been ordered for that day (refund those orders first). */
export const removeDish = async (ctx: Ctx, input: { day: string; productId: string }): Promise<PlanWeek> => {
  requireRole(ctx.user, 'manager');
  await ctx.em.transactional(async (em) => {
    const entry = await em.findOne(
      MenuDayDish,
      { menuDay: input.day, product: input.productId },
      { lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    if (!entry) return;
    if (entry.sold > 0) {
      throw new AppError('CONFLICT', `${entry.sold} have been ordered for that day: refund them first`, { reason: 'IN_USE' });
    }
    em.remove(entry);
    await em.flush();
  });
  await planChanged(ctx);
  return getWeek(ctx, input.day);
};

/**
 * Copies the week of `from` onto the week of `to`, day by day: each unpublished day gets the source day's dishes,
 * quantities and badges (what it sold already stays; a quantity never goes below it). Published days are left.
 */
export const copyWeek = async (ctx: Ctx, input: { from: string; to: string }): Promise<PlanWeek> => {
  requireRole(ctx.user, 'manager');
  const source = weekOf(input.from);
  const target = weekOf(input.to);
  if (daysBetween(source[0]!, target[0]!) === 0) return getWeek(ctx, input.to);
  await ctx.em.transactional(async (em) => {
    const entries = await em.find(MenuDayDish, { menuDay: { $in: source } });
    const targetDays = new Map((await em.find(MenuDay, { day: { $in: target } })).map((menuDay) => [menuDay.day, menuDay]));
    for (const [i, day] of target.entries()) {
      if (targetDays.get(day)?.publishedAt) continue;
      const copied = entries.filter((entry) => entry.menuDay.day === source[i]);
      if (copied.length === 0) continue;
      const menuDay = targetDays.get(day) ?? em.create(MenuDay, { day });
      await em.flush();
      const existing = await em.find(MenuDayDish, { menuDay: day }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      for (const entry of existing) {
        if (entry.sold === 0 && !copied.some((c) => c.product.id === entry.product.id)) em.remove(entry);
      }
      for (const from of copied) {
        const entry =
          existing.find((e) => e.product.id === from.product.id) ??
          em.create(MenuDayDish, { menuDay, product: from.product, sold: 0 });
        entry.plannedQuantity =
          from.plannedQuantity === null || from.plannedQuantity === undefined ? null : Math.max(from.plannedQuantity, entry.sold);
        entry.isNew = from.isNew;
        entry.isChefsChoice = from.isChefsChoice;
      }
      await em.flush();
    }
  });
  await planChanged(ctx);
  return getWeek(ctx, input.to);
};

/** Publishes every day of the week that has dishes (people can see and order them), or takes the week back. */
export const publishWeek = async (ctx: Ctx, input: { day: string; isPublished: boolean }): Promise<PlanWeek> => {
  const actor = requireRole(ctx.user, 'manager');
  await ctx.em.transactional(async (em) => {
    const days = weekOf(input.day);
    const menuDays = await em.find(MenuDay, { day: { $in: days } });
    const planned = new Set((await em.find(MenuDayDish, { menuDay: { $in: days } })).map((entry) => entry.menuDay.day));
    const now = new Date();
    for (const menuDay of menuDays) {
      const isPublished = input.isPublished && planned.has(menuDay.day);
      menuDay.publishedAt = isPublished ? (menuDay.publishedAt ?? now) : null;
      menuDay.publishedBy = isPublished ? ref(em.getReference(User, actor.id)) : null;
    }
    await em.flush();
  });
  await planChanged(ctx);
  return getWeek(ctx, input.day);
};

import { sql } from 'kysely';
import { Department, kysely } from '@canteen/db';
import {
  isoWeekStart,
  type ReportRange,
  type RevenueReport,
  type Statement,
  type StatementInput,
  type TopDishesInput,
} from '@canteen/shared';
import { AppError } from '../../errors';
import { departmentScope, findPersonToActOn, requireRole } from '../../lib/access';
import type { ContextInner } from '../../trpc/context';

type Ctx = Pick<ContextInner, 'em' | 'user'>;

/** Managers report on their own department only; admins on one department or the whole company. */
const reportDepartment = async (ctx: Ctx, requested: string | undefined): Promise<string | null> => {
  const actor = requireRole(ctx.user, 'manager');
  const scope = departmentScope(actor);
  if (scope.kind === 'department') {
    if (requested && requested !== scope.departmentId) throw new AppError('NOT_FOUND', 'Not found', { reason: 'NOT_FOUND' });
    return scope.departmentId;
  }
  if (requested) await ctx.em.findOneOrFail(Department, requested);
  return requested ?? null;
};

/** Revenue of paid orders per day (UTC) in the range; refunded orders are not revenue. */
export const revenueReport = async (ctx: Ctx, input: ReportRange): Promise<RevenueReport> => {
  const departmentId = await reportDepartment(ctx, input.departmentId);
  let query = kysely(ctx.em)
    .selectFrom('Order as o')
    .select((eb) => [
      sql<string>`to_char(date_trunc('day', ${eb.ref('o.createdAt')} at time zone 'UTC'), 'YYYY-MM-DD')`.as('day'),
      eb.fn.countAll<string>().as('orders'),
      eb.fn.sum<string>('o.totalCents').as('revenueCents'),
    ])
    .where('o.status', '<>', 'refunded')
    .where('o.createdAt', '>=', new Date(input.from))
    .where('o.createdAt', '<', new Date(input.to))
    .groupBy('day')
    .orderBy('day');
  if (departmentId) query = query.innerJoin('User as u', 'u.id', 'o.user').where('u.department', '=', departmentId);
  const days = (await query.execute()).map((row) => ({
    day: row.day,
    orders: Number(row.orders),
    revenueCents: Number(row.revenueCents),
  }));
  const weeks = new Map<string, { week: string; orders: number; revenueCents: number }>();
  for (const day of days) {
    const week = weeks.get(isoWeekStart(day.day)) ?? { week: isoWeekStart(day.day), orders: 0, revenueCents: 0 };
    week.orders += day.orders;
    week.revenueCents += day.revenueCents;
    weeks.set(week.week, week);
  }
  const orders = days.reduce((sum, day) => sum + day.orders, 0);
  const totalCents = days.reduce((sum, day) => sum + day.revenueCents, 0);
  const averageBasketCents = orders ? Math.round(totalCents / orders) : 0;
  return { totalCents, orders, averageBasketCents, days, weeks: [...weeks.values()] };
};

/** Lines of paid orders placed in the range, by people of the department when one is given. */
const paidLines = (ctx: Ctx, range: ReportRange, departmentId: string | null) => {
  let query = kysely(ctx.em)
    .selectFrom('OrderLine as l')
    .innerJoin('Order as o', 'o.id', 'l.order')
    .innerJoin('Product as p', 'p.id', 'l.product')
    .innerJoin('Category as c', 'c.id', 'p.category')
    .where('o.status', '<>', 'refunded')
    .where('o.createdAt', '>=', new Date(range.from))
    .where('o.createdAt', '<', new Date(range.to));
  if (departmentId) query = query.innerJoin('User as u', 'u.id', 'o.user').where('u.department', '=', departmentId);
  return query;
};

export const topDishes = async (ctx: Ctx, input: TopDishesInput) => {
  const departmentId = await reportDepartment(ctx, input.departmentId);
  const rows = await paidLines(ctx, input, departmentId)
    .select((eb) => [
      'p.id as productId',
      'p.name as productName',
      'c.name as categoryName',
      eb.fn.sum<string>('l.quantity').as('quantity'),
      eb.fn.sum<string>(sql`${eb.ref('l.quantity')} * ${eb.ref('l.unitPriceCents')}`).as('revenueCents'),
    ])
    .groupBy(['p.id', 'p.name', 'c.name'])
    .orderBy('quantity', 'desc')
    .orderBy('p.name')
    .limit(input.limit)
    .execute();
  return rows.map((row) => ({ ...row, quantity: Number(row.quantity), revenueCents: Number(row.revenueCents) }));
};

export const salesByCategory = async (ctx: Ctx, input: ReportRange) => {
  const departmentId = await reportDepartment(ctx, input.departmentId);
  const rows = await paidLines(ctx, input, departmentId)
    .select((eb) => [
      'c.id as categoryId',
      'c.name as categoryName',
      eb.fn.sum<string>('l.quantity').as('quantity'),
      eb.fn.sum<string>(sql`${eb.ref('l.quantity')} * ${eb.ref('l.unitPriceCents')}`).as('revenueCents'),
    ])
    .groupBy(['c.id', 'c.name'])
    .orderBy('revenueCents', 'desc')
    .execute();
  return rows.map((row) => ({ ...row, quantity: Number(row.quantity), revenueCents: Number(row.revenueCents) }));
};

/** What each department's people ordered; people without a department are one row ("No department"). */
export const spendByDepartment = async (ctx: Ctx, input: ReportRange) => {
  const departmentId = await reportDepartment(ctx, input.departmentId);
  let query = kysely(ctx.em)
    .selectFrom('Order as o')
    .innerJoin('User as u', 'u.id', 'o.user')
    .leftJoin('Department as d', 'd.id', 'u.department')
    .select((eb) => [
      'd.id as departmentId',
      'd.name as departmentName',
      eb.fn.countAll<string>().as('orders'),
      eb.fn.sum<string>('o.totalCents').as('revenueCents'),
    ])
    .where('o.status', '<>', 'refunded')
    .where('o.createdAt', '>=', new Date(input.from))
    .where('o.createdAt', '<', new Date(input.to))
    .groupBy(['d.id', 'd.name'])
    .orderBy('revenueCents', 'desc');
  if (departmentId) query = query.where('u.department', '=', departmentId);
  const rows = await query.execute();
  return rows.map((row) => ({
    departmentId: row.departmentId ?? null,
    departmentName: row.departmentName ?? 'No department',
    orders: Number(row.orders),
    revenueCents: Number(row.revenueCents),
  }));
};

/** How much each payer funded in the period: what spends took from it, less what refunds gave back. */
export const funding = async (ctx: Ctx, input: ReportRange) => {
  const departmentId = await reportDepartment(ctx, input.departmentId);
  let query = kysely(ctx.em)
    .selectFrom('WalletEntry as e')
    .innerJoin('Payer as p', 'p.id', 'e.payer')
    .select((eb) => [
      'p.id as payerId',
      'p.name as payerName',
      'p.kind as payerKind',
      eb.fn.sum<string>('e.amountCents').as('net'),
    ])
    .where('e.kind', 'in', ['spend', 'refund'])
    .where('e.occurredAt', '>=', new Date(input.from))
    .where('e.occurredAt', '<', new Date(input.to))
    .groupBy(['p.id', 'p.name', 'p.kind'])
    .orderBy('p.kind')
    .orderBy('p.name');
  if (departmentId) query = query.innerJoin('User as u', 'u.id', 'e.user').where('u.department', '=', departmentId);
  const rows = await query.execute();
  return rows.map(({ net, ...row }) => ({ ...row, fundedCents: -Number(net) })).filter((row) => row.fundedCents !== 0);
};

/**
 * One person's month per payer: opening balance, credits (and top-ups, less adjustments), spends, refunds,
 * closing balance, from the ledger's entries by `occurredAt`. Opening + movements = closing, per payer.
 */
export const statement = async (ctx: Ctx, input: StatementInput): Promise<Statement> => {
  const actor = requireRole(ctx.user, 'manager');
  const person = await findPersonToActOn(ctx.em, actor, { userId: input.userId, action: 'read' });
  const start = new Date(`${input.month}-01T00:00:00Z`);
  const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
  const rows = await kysely(ctx.em)
    .selectFrom('WalletEntry as e')
    .innerJoin('Payer as p', 'p.id', 'e.payer')
    .select((eb) => {
      const sumWhere = (condition: ReturnType<typeof sql<boolean>>) =>
        eb.fn.coalesce(eb.fn.sum<string>(sql`case when ${condition} then ${eb.ref('e.amountCents')} end`), sql<string>`0`);
      const inMonth = sql<boolean>`${eb.ref('e.occurredAt')} >= ${start} and ${eb.ref('e.occurredAt')} < ${end}`;
      return [
        'p.id as payerId',
        'p.name as payerName',
        sumWhere(sql<boolean>`${eb.ref('e.occurredAt')} < ${start}`).as('opening'),
        sumWhere(sql<boolean>`${inMonth} and ${eb.ref('e.kind')} in ('credit', 'top_up', 'adjustment')`).as('credits'),
        sumWhere(sql<boolean>`${inMonth} and ${eb.ref('e.kind')} = 'spend'`).as('spends'),
        sumWhere(sql<boolean>`${inMonth} and ${eb.ref('e.kind')} = 'refund'`).as('refunds'),
      ];
    })
    .where('e.user', '=', person.id)
    .where('e.occurredAt', '<', end)
    .groupBy(['p.id', 'p.name'])
    .orderBy('p.name')
    .execute();
  const byPayer = rows.map((row) => {
    const line = {
      payerId: row.payerId,
      payerName: row.payerName,
      openingCents: Number(row.opening),
      creditsCents: Number(row.credits),
      spendsCents: Number(row.spends),
      refundsCents: Number(row.refunds),
    };
    return { ...line, closingCents: line.openingCents + line.creditsCents + line.spendsCents + line.refundsCents };
  });
  return {
    userId: person.id,
    userName: person.name,
    month: input.month,
    openingCents: byPayer.reduce((sum, line) => sum + line.openingCents, 0),
    closingCents: byPayer.reduce((sum, line) => sum + line.closingCents, 0),
    byPayer,
  };
};

/** Every person's statement for a month, one row per person and payer (the payroll CSV); scope as the reports. */
export const companyStatements = async (ctx: Ctx, input: { month: string; departmentId?: string | undefined }) => {
  const departmentId = await reportDepartment(ctx, input.departmentId);
  const start = new Date(`${input.month}-01T00:00:00Z`);
  const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
  let query = kysely(ctx.em)
    .selectFrom('WalletEntry as e')
    .innerJoin('Payer as p', 'p.id', 'e.payer')
    .innerJoin('User as u', 'u.id', 'e.user')
    .leftJoin('Department as d', 'd.id', 'u.department')
    .select((eb) => {
      const sumWhere = (condition: ReturnType<typeof sql<boolean>>) =>
        eb.fn.coalesce(eb.fn.sum<string>(sql`case when ${condition} then ${eb.ref('e.amountCents')} end`), sql<string>`0`);
      const inMonth = sql<boolean>`${eb.ref('e.occurredAt')} >= ${start}`;
      return [
        'u.name as userName',
        'u.employeeNumber as employeeNumber',
        'd.name as departmentName',
        'p.name as payerName',
        sumWhere(sql<boolean>`${eb.ref('e.occurredAt')} < ${start}`).as('opening'),
        sumWhere(sql<boolean>`${inMonth} and ${eb.ref('e.kind')} in ('credit', 'top_up', 'adjustment')`).as('credits'),
        sumWhere(sql<boolean>`${inMonth} and ${eb.ref('e.kind')} = 'spend'`).as('spends'),
        sumWhere(sql<boolean>`${inMonth} and ${eb.ref('e.kind')} = 'refund'`).as('refunds'),
      ];
    })
    .where('e.occurredAt', '<', end)
    .groupBy(['u.id', 'u.name', 'u.employeeNumber', 'd.name', 'p.id', 'p.name'])
    .orderBy('u.name')
    .orderBy('u.id')
    .orderBy('p.name');
  if (departmentId) query = query.where('u.department', '=', departmentId);
  return (await query.execute()).map((row) => {
    const [opening, credits, spends, refunds] = [row.opening, row.credits, row.spends, row.refunds].map(Number) as [
      number,
      number,
      number,
      number,
    ];
    return { ...row, opening, credits, spends, refunds, closing: opening + credits + spends + refunds };
  });
};

import type { MikroORM } from '@mikro-orm/postgresql';
import {
  AuditListInputSchema,
  IdSchema,
  ProductionSheetInputSchema,
  ReportRangeSchema,
  StatementInputSchema,
  TopDishesInputSchema,
  WalletHistoryInputSchema,
  type ErrorReason,
} from '@canteen/shared';
import { stringify } from 'csv-stringify';
import { Hono } from 'hono';
import { stream } from 'hono/streaming';
import { ZodError, z } from 'zod';
import type { Deps } from '../../deps';
import { AppError } from '../../errors';
import type { Logger } from '../../logger';
import { listAuditEntries } from '../audit/audit.service';
import { getProductionSheet } from '../kitchen/kitchen.service';
import { userForAccessToken } from '../auth/auth.service';
import { readTargetFor } from '../../lib/replica';
import { walletHistory } from '../wallet/wallet.service';
import * as reports from './report.service';

type Env = { Variables: { requestId: string; logger: Logger } };
type Ctx = Parameters<typeof reports.revenueReport>[0];
type Cell = string | number | null;

/** Amounts in CSV are euros with a dot (spreadsheets parse it); the locale's separator is for the UI only. */
const euros = (cents: number): string => (cents / 100).toFixed(2);

/** Text a spreadsheet would run as a formula (=, +, -, @, tab, CR) is quoted as text: CSV injection. */
const text = (value: string | null | undefined): string => {
  const plain = value ?? '';
  return /^[=+\-@\t\r]/.test(plain) ? `'${plain}` : plain;
};

type Export<S extends z.ZodType> = {
  input: S;
  header: string[];
  rows: (ctx: Ctx, input: z.infer<S>) => AsyncIterable<Cell[]> | Promise<Cell[][]>;
};

const exportOf = <S extends z.ZodType>(definition: Export<S>) => definition;

const MonthInputSchema = StatementInputSchema.pick({ month: true }).extend({ departmentId: IdSchema.optional() });

/** The audit log page by page (100 at a time), so a long export never holds it all in memory. */
async function* auditRows(
  ctx: Ctx,
  input: Omit<z.infer<typeof AuditListInputSchema>, 'limit' | 'cursor'>,
): AsyncIterable<Cell[]> {
  let cursor: string | null | undefined;
  for (let pages = 0; pages < 500; pages += 1) {
    const page = await listAuditEntries(ctx, { ...input, limit: 100, cursor });
    for (const e of page.items) {
      yield [e.at, text(e.actorName ?? e.actorEmail), text(e.action), text(e.entity), text(e.entityLabel), e.entityId, e.ip];
    }
    if (!page.nextCursor) return;
    cursor = page.nextCursor;
    ctx.em.clear();
  }
}

/** A wallet's history page by page, one row per event with its split by payer. */
async function* walletHistoryRows(
  ctx: Ctx,
  input: Omit<z.infer<typeof WalletHistoryInputSchema>, 'limit' | 'cursor'>,
): AsyncIterable<Cell[]> {
  let cursor: string | null | undefined;
  for (let pages = 0; pages < 1000; pages += 1) {
    const page = await walletHistory(ctx, { ...input, limit: 100, cursor });
    for (const item of page.items) {
      yield [
        item.occurredAt,
        item.kind,
        item.orderId,
        euros(item.amountCents),
        text(item.parts.map((part) => `${part.payerName}: ${euros(part.amountCents)}`).join('; ')),
        text(item.note),
        text(item.createdByName),
      ];
    }
    if (!page.nextCursor) return;
    cursor = page.nextCursor;
  }
}

const EXPORTS = {
  revenue: exportOf({
    input: ReportRangeSchema,
    header: ['day', 'orders', 'revenue_eur'],
    rows: async (ctx, input) =>
      (await reports.revenueReport(ctx, input)).days.map((d) => [d.day, d.orders, euros(d.revenueCents)]),
  }),
  'revenue-weekly': exportOf({
    input: ReportRangeSchema,
    header: ['week_starting', 'orders', 'revenue_eur'],
    rows: async (ctx, input) =>
      (await reports.revenueReport(ctx, input)).weeks.map((w) => [w.week, w.orders, euros(w.revenueCents)]),
  }),
  'top-dishes': exportOf({
    input: TopDishesInputSchema,
    header: ['dish', 'category', 'quantity', 'revenue_eur'],
    rows: async (ctx, input) =>
      (await reports.topDishes(ctx, input)).map((d) => [
        text(d.productName),
        text(d.categoryName),
        d.quantity,
        euros(d.revenueCents),
      ]),
  }),
  'sales-by-category': exportOf({
    input: ReportRangeSchema,
    header: ['category', 'quantity', 'revenue_eur'],
    rows: async (ctx, input) =>
      (await reports.salesByCategory(ctx, input)).map((c) => [text(c.categoryName), c.quantity, euros(c.revenueCents)]),
  }),
  'spend-by-department': exportOf({
    input: ReportRangeSchema,
    header: ['department', 'orders', 'revenue_eur'],
    rows: async (ctx, input) =>
      (await reports.spendByDepartment(ctx, input)).map((d) => [text(d.departmentName), d.orders, euros(d.revenueCents)]),
  }),
  funding: exportOf({
    input: ReportRangeSchema,
    header: ['payer', 'kind', 'funded_eur'],
    rows: async (ctx, input) =>
      (await reports.funding(ctx, input)).map((f) => [text(f.payerName), f.payerKind, euros(f.fundedCents)]),
  }),
  statements: exportOf({
    input: MonthInputSchema,
    header: [
      'person',
      'employee_number',
      'department',
      'payer',
      'opening_eur',
      'credits_eur',
      'spends_eur',
      'refunds_eur',
      'closing_eur',
    ],
    rows: async (ctx, input) =>
      (await reports.companyStatements(ctx, input)).map((r) => [
        text(r.userName),
        text(r.employeeNumber),
        text(r.departmentName),
        text(r.payerName),
        euros(r.opening),
        euros(r.credits),
        euros(r.spends),
        euros(r.refunds),
        euros(r.closing),
      ]),
  }),
  'wallet-history': exportOf({
    // A query string has no arrays: `kinds=spend,refund`.
    input: WalletHistoryInputSchema.omit({ cursor: true, limit: true }).extend({
      kinds: z.preprocess(
        (value) => (typeof value === 'string' ? value.split(',') : value),
        WalletHistoryInputSchema.shape.kinds,
      ),
    }),
    header: ['occurred_at', 'kind', 'order_id', 'amount', 'by_payer', 'note', 'by'],
    rows: walletHistoryRows,
  }),
  'production-sheet': exportOf({
    input: ProductionSheetInputSchema,
    header: ['dish', 'option_group', 'option', 'slot', 'quantity', 'still_to_make', 'note', 'for'],
    rows: async (ctx, input) => {
      const sheet = await getProductionSheet(ctx, input.day);
      return sheet.dishes.flatMap((dish): Cell[][] => [
        [text(dish.productName), null, null, null, dish.quantity, dish.toMake, null, null],
        ...dish.options.map((o): Cell[] => [
          text(dish.productName),
          text(o.groupName),
          text(o.name),
          null,
          o.quantity,
          null,
          null,
          null,
        ]),
        ...dish.bySlot.map((s): Cell[] => [
          text(dish.productName),
          null,
          null,
          s.startsAt ?? 'asap',
          s.quantity,
          null,
          null,
          null,
        ]),
        ...sheet.notes
          .filter((n) => n.productId === dish.productId)
          .map((n): Cell[] => [
            text(dish.productName),
            null,
            null,
            n.startsAt ?? 'asap',
            n.quantity,
            null,
            text(n.note),
            text(n.userName),
          ]),
      ]);
    },
  }),
  audit: exportOf({
    input: AuditListInputSchema.omit({ cursor: true, limit: true }),
    header: ['at', 'actor', 'action', 'entity', 'about', 'entity_id', 'ip'],
    rows: auditRows,
  }),
} as const;
type ExportName = keyof typeof EXPORTS;

const STATUS: Record<string, 400 | 401 | 403 | 404 | 409 | 412 | 429> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  TOO_MANY_REQUESTS: 429,
};

/**
 * CSV downloads of the reports and the audit log: `GET /export/<name>.csv?from=…&to=…`, with the same Bearer
 * token, the same input schemas and the same scope as the tRPC procedures, streamed with csv-stringify
 * (RFC 4180 quoting) as rows are produced.
 */
export const csvRoutes = ({ orm, deps }: { orm: MikroORM; deps: Deps }) => {
  const routes = new Hono<Env>();
  routes.get('/export/:file', async (c) => {
    const name = c.req.param('file').replace(/\.csv$/, '') as ExportName;
    const definition = EXPORTS[name] as Export<z.ZodType> | undefined;
    if (!definition || !c.req.param('file').endsWith('.csv')) return c.json({ error: 'No such export' }, 404);
    const header = c.req.header('authorization');
    const bearer = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    const em = orm.em.fork();
    const user = bearer ? await userForAccessToken({ em, deps }, bearer) : null;
    if (!user) return c.json({ error: 'Please sign in', reason: 'SIGN_IN_REQUIRED' satisfies ErrorReason }, 401);
    const readFrom = await readTargetFor(deps.recentWrites, user?.id ?? null);
    const ctx: Ctx = { em, user, deps, logger: c.var.logger, readFrom } as Ctx;
    let rows: AsyncIterable<Cell[]> | Cell[][];
    try {
      const query = c.req.query();
      const input = definition.input.parse({
        ...query,
        ...(query.limit ? { limit: Number(query.limit) } : {}),
      });
      rows = await definition.rows(ctx, input);
      if (Symbol.asyncIterator in rows) {
        // Surface scope errors (an employee, a department out of reach) before the 200 is sent.
        const iterator = rows[Symbol.asyncIterator]();
        const first = await iterator.next();
        const rest = iterator;
        rows = (async function* () {
          if (!first.done) yield first.value;
          for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
        })();
      }
    } catch (error) {
      if (error instanceof ZodError) return c.json({ error: 'Invalid input', issues: error.issues.map((i) => i.message) }, 400);
      if (error instanceof AppError) return c.json({ error: error.message, reason: error.reason }, STATUS[error.code] ?? 400);
      throw error;
    }
    c.header('content-type', 'text/csv; charset=utf-8');
    c.header('content-disposition', `attachment; filename="canteen-${name}.csv"`);
    c.header('cache-control', 'no-store');
    return stream(c, async (out) => {
      const csv = stringify({ header: true, columns: definition.header, record_delimiter: 'windows' });
      // csv-stringify yields a chunk per record: sent one by one, 20,000 payroll lines were 20,000 writes and HTTP
      // chunks. They go out in batches of about 64 KB instead.
      const finished = (async () => {
        let batch = '';
        for await (const chunk of csv) {
          batch += chunk as string;
          if (batch.length >= 65_536) {
            await out.write(batch);
            batch = '';
          }
        }
        if (batch) await out.write(batch);
      })();
      for await (const row of rows) if (!csv.write(row)) await new Promise((resolve) => csv.once('drain', resolve));
      csv.end();
      await finished;
    });
  });
  return routes;
};

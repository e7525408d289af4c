import type { SqlEntityManager } from '@mikro-orm/postgresql';
import type { Allergen, ChosenOption, OptionGroup } from '@canteen/shared';
import { sql } from 'kysely';
import { kysely } from '../query';

/**
 * The statements of one order placement, each doing a whole step for every row at once (docs/PERFORMANCE.md):
 * after the wallet lock, one read (earlier order with this key, open lots), one for the dishes (read and stock
 * taken), then the order, its lines, and its ledger with the audit. Call them in this order inside one
 * transaction, with the wallet locked; the service holds the rules (what may be ordered, how money is drawn).
 *
 * The order's, the lines' and the entries' inserts stay separate statements, in this order: their report
 * summary triggers then lock summary rows in the same order as a refund does (sales day, dishes, funding).
 */

export type OpenLot = { id: string; payerId: string; payerName: string; occurredAt: Date; remainingCents: number };
export type OrderStart = { previous: { id: string; requestHash: string } | null; lots: OpenLot[] };

/** An earlier order with this key (a retry), and the lots that still hold money, oldest first. */
export const startOrder = async (em: SqlEntityManager, userId: string, idempotencyKey: string): Promise<OrderStart> => {
  const { rows } = await sql<{ previous: { id: string; request_hash: string } | null; lots: OpenLotRow[] | null }>`
    select
      (select json_build_object('id', o.id, 'request_hash', o.request_hash) from canteen_order o
        where o.user_id = ${userId} and o.idempotency_key = ${idempotencyKey}) as previous,
      (select json_agg(json_build_object('id', e.id, 'payer_id', e.payer_id, 'payer_name', p.name,
          'occurred_at', e.occurred_at, 'remaining_cents', e.remaining_cents) order by e.occurred_at, e.id)
        from wallet_entry e join payer p on p.id = e.payer_id
        where e.user_id = ${userId} and e.remaining_cents > 0) as lots`.execute(kysely(em));
  const row = rows[0]!;
  return {
    previous: row.previous ? { id: row.previous.id, requestHash: row.previous.request_hash } : null,
    lots: (row.lots ?? []).map((lot) => ({
      id: lot.id,
      payerId: lot.payer_id,
      payerName: lot.payer_name,
      occurredAt: new Date(lot.occurred_at),
      remainingCents: lot.remaining_cents,
    })),
  };
};
type OpenLotRow = { id: string; payer_id: string; payer_name: string; occurred_at: string; remaining_cents: number };

export type BasketDish = {
  id: string;
  name: string;
  priceCents: number;
  isActive: boolean;
  /** Before this order; null: not counted. */
  stock: number | null;
  /** Whether this order's quantity was taken from the stock (always false for uncounted and scheduled dishes). */
  isTaken: boolean;
  /** Served on the plan's days, from that day's stock (`takePlannedDishes`), not from `stock`. */
  isScheduled: boolean;
  allergens: Allergen[];
  optionGroups: OptionGroup[];
};

/**
 * Reads the basket's dishes and takes the quantities from counted stock, never below zero, in one statement.
 * Counted dishes are locked in id order first, so two baskets sharing dishes cannot deadlock; uncounted ones are
 * not locked at all (a popular coffee does not serialise the lunch rush). The caller rolls back when a dish is
 * unavailable or short.
 */
export const takeBasket = async (em: SqlEntityManager, quantities: ReadonlyMap<string, number>): Promise<BasketDish[]> => {
  const ids = [...quantities.keys()];
  const counts = ids.map((id) => quantities.get(id)!);
  const { rows } = await sql<{
    id: string;
    name: string;
    price_cents: number;
    is_active: boolean;
    stock: number | null;
    is_taken: boolean;
    is_scheduled: boolean;
    allergens: Allergen[];
    option_groups: OptionGroup[];
  }>`
    with wanted as (select * from unnest(${ids}::uuid[], ${counts}::int[]) as w(id, quantity)),
    locked as (
      select p.id from product p join wanted w on w.id = p.id
      where p.stock is not null and not p.is_scheduled order by p.id for update of p),
    taken as (
      update product p set stock = p.stock - w.quantity, updated_at = now()
      from wanted w join locked l on l.id = w.id
      where p.id = w.id and p.stock >= w.quantity and p.is_active
      returning p.id)
    select p.id, p.name, p.price_cents, p.is_active, p.stock, exists (select 1 from taken t where t.id = p.id) as is_taken,
      p.is_scheduled, p.allergens, p.option_groups
    from product p join wanted w on w.id = p.id`.execute(kysely(em));
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    priceCents: row.price_cents,
    isActive: row.is_active,
    stock: row.stock,
    isTaken: row.is_taken,
    isScheduled: row.is_scheduled,
    allergens: row.allergens,
    optionGroups: row.option_groups,
  }));
};

export type NewOrder = {
  id: string;
  at: Date;
  userId: string;
  placedById: string;
  departmentId: string | null;
  totalCents: number;
  idempotencyKey: string;
  requestHash: string;
  pickupDay: string;
  pickupSlotId: string | null;
  pickupAt: Date | null;
};
export type NewOrderLine = {
  id: string;
  productId: string;
  quantity: number;
  unitPriceCents: number;
  productName: string;
  planDay: string | null;
  options: ChosenOption[];
  allergens: Allergen[];
  note: string | null;
};

export const insertOrder = async (em: SqlEntityManager, order: NewOrder): Promise<void> => {
  await sql`
    insert into canteen_order (id, created_at, updated_at, user_id, placed_by_id, department_id, status,
      status_changed_at, total_cents, idempotency_key, request_hash, pickup_day, pickup_slot_id, pickup_at)
    values (${order.id}, ${order.at}, ${order.at}, ${order.userId}, ${order.placedById}, ${order.departmentId}, 'placed',
      ${order.at}, ${order.totalCents}, ${order.idempotencyKey}, ${order.requestHash}, ${order.pickupDay}::date,
      ${order.pickupSlotId}, ${order.pickupAt})`.execute(kysely(em));
};

export const insertOrderLines = async (
  em: SqlEntityManager,
  { orderId, at, lines }: { orderId: string; at: Date; lines: NewOrderLine[] },
): Promise<void> => {
  await sql`
    insert into order_line (id, created_at, updated_at, order_id, product_id, quantity, unit_price_cents, product_name,
      plan_day, options, allergens, note)
    select l.id, ${at}, ${at}, ${orderId}, l.product_id, l.quantity, l.unit_price_cents, l.product_name, l.plan_day,
      l.options, array(select jsonb_array_elements_text(l.allergens)), l.note
    from unnest(${lines.map((l) => l.id)}::uuid[], ${lines.map((l) => l.productId)}::uuid[],
      ${lines.map((l) => l.quantity)}::int[], ${lines.map((l) => l.unitPriceCents)}::int[],
      ${lines.map((l) => l.productName)}::text[], ${lines.map((l) => l.planDay)}::date[],
      ${lines.map((l) => JSON.stringify(l.options))}::jsonb[], ${lines.map((l) => JSON.stringify(l.allergens))}::jsonb[],
      ${lines.map((l) => l.note)}::text[])
      as l(id, product_id, quantity, unit_price_cents, product_name, plan_day, options, allergens, note)`.execute(kysely(em));
};

export type NewSpend = { id: string; payerId: string; amountCents: number };
export type NewDraw = { id: string; debitId: string; lotId: string; amountCents: number };
export type NewAuditEntry = { id: string; entity: string; entityId: string; after: Record<string, unknown> };
export type AuditStamp = {
  action: string;
  actorId: string | null;
  requestId: string | null;
  ip: string | null;
  userAgent: string | null;
};

/**
 * The spend entries (one per payer), the draws on the lots, the lots' new remainders and the audit entries, in one
 * statement. Only the entries' insert has a trigger (the funding summary).
 */
export const insertOrderLedger = async (
  em: SqlEntityManager,
  {
    orderId,
    userId,
    createdById,
    at,
    spends,
    draws,
    audit,
    stamp,
  }: {
    orderId: string;
    userId: string;
    createdById: string;
    at: Date;
    spends: NewSpend[];
    draws: NewDraw[];
    audit: NewAuditEntry[];
    stamp: AuditStamp;
  },
): Promise<void> => {
  await sql`
    with spends as (
      insert into wallet_entry (id, created_at, updated_at, user_id, payer_id, amount_cents, remaining_cents, occurred_at,
        kind, order_id, created_by_id)
      select s.id, ${at}, ${at}, ${userId}, s.payer_id, s.amount_cents, 0, ${at}, 'spend', ${orderId}, ${createdById}
      from unnest(${spends.map((s) => s.id)}::uuid[], ${spends.map((s) => s.payerId)}::uuid[],
        ${spends.map((s) => s.amountCents)}::int[]) as s(id, payer_id, amount_cents)
      returning id),
    draws as (
      insert into wallet_draw (id, created_at, updated_at, debit_id, lot_id, amount_cents)
      select d.id, ${at}, ${at}, d.debit_id, d.lot_id, d.amount_cents
      from unnest(${draws.map((d) => d.id)}::uuid[], ${draws.map((d) => d.debitId)}::uuid[],
        ${draws.map((d) => d.lotId)}::uuid[], ${draws.map((d) => d.amountCents)}::int[]) as d(id, debit_id, lot_id, amount_cents)
      returning lot_id, amount_cents),
    lots as (
      update wallet_entry e set remaining_cents = e.remaining_cents - d.amount_cents, updated_at = ${at}
      from (select lot_id, sum(amount_cents)::int as amount_cents from draws group by lot_id) d
      where e.id = d.lot_id
      returning e.id),
    audit as (
      insert into audit_entry (id, created_at, updated_at, at, actor_id, action, entity, entity_id, before, after,
        request_id, ip, user_agent)
      select a.id, ${at}, ${at}, ${at}, ${stamp.actorId}, ${stamp.action}, a.entity, a.entity_id, null, a.after,
        ${stamp.requestId}, ${stamp.ip}, ${stamp.userAgent}
      from unnest(${audit.map((a) => a.id)}::uuid[], ${audit.map((a) => a.entity)}::text[],
        ${audit.map((a) => a.entityId)}::text[], ${audit.map((a) => JSON.stringify(a.after))}::jsonb[])
        as a(id, entity, entity_id, after)
      returning id)
    select (select count(*) from spends) as spends, (select count(*) from lots) as lots,
      (select count(*) from audit) as audited`.execute(kysely(em));
};

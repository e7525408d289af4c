import { describe, expect, it } from 'vitest';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { AnyMutationProcedure, AnyProcedure } from '@trpc/server';
import { type User, newId } from '@canteen/db';
import type { Deps } from '../src/deps';
import { currentTotp } from '../src/modules/auth/totp';
import { applyProviderEvent } from '../src/modules/payment/payment.service';
import { type AppRouter, appRouter } from '../src/trpc/app-router';
import type { ClientInfo } from '../src/trpc/context';
import {
  TEST_PASSWORD,
  createClient,
  createTestCaller,
  createTestDeps,
  fund,
  tomorrowOf,
  getTestOrm,
  makeCast,
  makeCategory,
  makeDepartment,
  makePayer,
  makeProduct,
} from './helpers';

/**
 * Issue 8, item 3: every mutation, called successfully, writes at least one audit entry, and writes it in the same
 * transaction as every row it changes, so a change and its record commit or vanish together.
 *
 * How "same transaction" is checked: PostgreSQL stamps every row version with the id of the transaction that wrote
 * it (the `xmin` system column). Before the call we note the first transaction id not yet handed out; afterwards
 * every row of every table stamped with a later id was written by the call. The call's audit entries must share
 * one transaction id, and every other row it wrote must carry that same id. A row written by a second statement
 * outside that transaction (a revocation after the flush, a raw UPDATE beside it) carries another id and fails.
 * Rows the call deleted leave no version to inspect; their audit entries are still checked. Limits, stated so the
 * check stays honest: savepoints (nested `em.transactional`) would stamp their rows with subtransaction ids and
 * fail this test although the top-level transaction is one (no service nests them), and the ids are compared as
 * 32-bit values, which is exact until the cluster wraps around its transaction ids.
 */

/** `auth.totp.confirm`, …: the dotted path of every mutation of a router record. */
type MutationPaths<R, P extends string = ''> = {
  [K in keyof R & string]: R[K] extends AnyMutationProcedure
    ? `${P}${K}`
    : R[K] extends AnyProcedure
      ? never
      : MutationPaths<R[K], `${P}${K}.`>;
}[keyof R & string];
type MutationPath = MutationPaths<AppRouter['_def']['record']>;

type Caller = Awaited<ReturnType<typeof createTestCaller>>;
type World = Awaited<ReturnType<typeof makeCast>> & {
  orm: MikroORM;
  deps: Deps;
  /** A request by `user` (anonymous when null) for arranging data; not the call under test. */
  request: (user: User | null) => Promise<Caller>;
  /** A browser signed in as `user`: its cookie jar holds a refresh token. */
  signIn: (user: User) => Promise<ClientInfo>;
};
/** One successful call: who makes it, from which browser (cookie jar) when that matters, and the call itself. */
type Act = { as: User | null; client?: ClientInfo; run: (caller: Caller) => Promise<unknown> };

const NEW_PASSWORD = 'Quiet-Orbit-Lantern-71';
const suffix = () => newId().slice(-8);

const blogWithPost = async (w: World) =>
  (await w.request(w.manager)).blog.create({ name: 'Site news', slug: `site-${suffix()}`, posts: [{ content: 'Hello' }] });

/** The employee has bought a dish (so may review it) with money from a company payer. */
const lunch = async (w: World) => {
  const product = await makeProduct(w.orm, { priceCents: 500 });
  await fund(w.orm, w.employee, await makePayer(w.orm), 2_000);
  const order = await (await w.request(w.employee)).order.place({
    items: [{ productId: product.id, quantity: 1 }],
    idempotencyKey: newId(),
  });
  return { product, order };
};

const review = async (w: World) => {
  const { product } = await lunch(w);
  return (await w.request(w.employee)).review.create({ productId: product.id, rating: 4 });
};

/** One successful call per mutation; a new mutation fails to compile (and this test fails) until it has one. */
const CASES: Record<MutationPath, (w: World) => Promise<Act>> = {
  'auth.login': async (w) => ({
    as: null,
    run: (c) => c.auth.login({ email: w.employee.email, password: TEST_PASSWORD }),
  }),
  'auth.refresh': async (w) => ({ as: null, client: await w.signIn(w.employee), run: (c) => c.auth.refresh() }),
  'auth.logout': async (w) => ({ as: null, client: await w.signIn(w.employee), run: (c) => c.auth.logout() }),
  'auth.resetPassword': async (w) => {
    const { token } = await (await w.request(w.admin)).user.resetLink({ id: w.employee.id });
    await w.signIn(w.employee);
    return { as: null, run: (c) => c.auth.resetPassword({ token, newPassword: NEW_PASSWORD }) };
  },
  'auth.setLanguage': async (w) => ({ as: w.employee, run: (c) => c.auth.setLanguage({ language: 'de' }) }),
  'auth.changePassword': async (w) => {
    await w.signIn(w.employee);
    return {
      as: w.employee,
      client: await w.signIn(w.employee),
      run: (c) => c.auth.changePassword({ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD }),
    };
  },
  'auth.totp.begin': async (w) => ({ as: w.employee, run: (c) => c.auth.totp.begin() }),
  'auth.totp.confirm': async (w) => {
    const { secret } = await (await w.request(w.employee)).auth.totp.begin();
    await w.signIn(w.employee);
    return {
      as: w.employee,
      client: await w.signIn(w.employee),
      run: (c) => c.auth.totp.confirm({ code: currentTotp(secret) }),
    };
  },
  'auth.totp.disable': async (w) => {
    const { secret } = await (await w.request(w.employee)).auth.totp.begin();
    // The previous step's code turns it on; the current one, not yet used, turns it off.
    await (await w.request(w.employee)).auth.totp.confirm({ code: currentTotp(secret, Date.now() - 30_000) });
    return { as: w.employee, run: (c) => c.auth.totp.disable({ password: TEST_PASSWORD, code: currentTotp(secret) }) };
  },
  'user.create': async (w) => ({
    as: w.admin,
    run: (c) =>
      c.user.create({
        email: `new-${suffix()}@example.test`,
        name: 'New Person',
        employeeNumber: `N${suffix()}`,
        role: 'employee',
        departmentId: w.department.id,
        password: NEW_PASSWORD,
      }),
  }),
  'user.update': async (w) => {
    // Deactivation also ends the person's sign-ins: that revocation belongs to the same transaction.
    await w.signIn(w.employee);
    return { as: w.admin, run: (c) => c.user.update({ id: w.employee.id, name: 'Renamed', isActive: false }) };
  },
  'user.resetLink': async (w) => {
    await (await w.request(w.admin)).user.resetLink({ id: w.employee.id });
    return { as: w.admin, run: (c) => c.user.resetLink({ id: w.employee.id }) };
  },
  'department.create': async (w) => ({ as: w.admin, run: (c) => c.department.create({ name: 'Kitchen', code: 'KIT' }) }),
  'department.update': async (w) => ({
    as: w.admin,
    run: (c) => c.department.update({ id: w.department.id, name: 'Renamed' }),
  }),
  'department.delete': async (w) => {
    const empty = await makeDepartment(w.orm);
    return { as: w.admin, run: (c) => c.department.delete({ id: empty.id }) };
  },
  'category.create': async (w) => ({ as: w.manager, run: (c) => c.category.create({ name: 'Soups', slug: 'soups' }) }),
  'category.update': async (w) => {
    const category = await makeCategory(w.orm);
    return { as: w.manager, run: (c) => c.category.update({ id: category.id, name: 'Renamed' }) };
  },
  'category.delete': async (w) => {
    const category = await makeCategory(w.orm);
    return { as: w.manager, run: (c) => c.category.delete({ id: category.id }) };
  },
  'product.create': async (w) => {
    const category = await makeCategory(w.orm);
    return {
      as: w.manager,
      run: (c) => c.product.create({ name: 'Soup', priceCents: 450, categoryId: category.id, allergens: [], dietaryTags: [] }),
    };
  },
  'product.update': async (w) => {
    const product = await makeProduct(w.orm);
    return { as: w.manager, run: (c) => c.product.update({ id: product.id, priceCents: 600 }) };
  },
  'product.archive': async (w) => {
    const product = await makeProduct(w.orm);
    return { as: w.manager, run: (c) => c.product.archive({ id: product.id }) };
  },
  'product.adjustStock': async (w) => {
    const product = await makeProduct(w.orm, { stock: 5 });
    return { as: w.manager, run: (c) => c.product.adjustStock({ id: product.id, delta: 3 }) };
  },
  'payer.create': async (w) => ({
    as: w.admin,
    run: (c) => c.payer.create({ name: `Promo ${suffix()}`, kind: 'promo', departmentId: null }),
  }),
  'wallet.credit': async (w) => {
    const payer = await makePayer(w.orm);
    return { as: w.admin, run: (c) => c.wallet.credit({ userId: w.employee.id, payerId: payer.id, amountCents: 1_000 }) };
  },
  'wallet.creditBulk': async (w) => {
    const payer = await makePayer(w.orm);
    return {
      as: w.admin,
      run: (c) => c.wallet.creditBulk({ departmentId: w.department.id, payerId: payer.id, amountCents: 500 }),
    };
  },
  'payment.createTopUp': async (w) => ({ as: w.employee, run: (c) => c.payment.createTopUp({ amountCents: 1_000 }) }),
  'privacy.export': async (w) => ({ as: w.employee, run: (c) => c.privacy.export({}) }),
  'privacy.erase': async (w) => ({
    as: w.admin,
    run: (c) => c.privacy.erase({ userId: w.employee.id, confirmEmail: w.employee.email }),
  }),
  'payment.cancel': async (w) => {
    const { paymentId } = await (await w.request(w.employee)).payment.createTopUp({ amountCents: 1_000 });
    return { as: w.employee, run: (c) => c.payment.cancel({ id: paymentId }) };
  },
  'payment.refund': async (w) => {
    const { paymentId } = await (await w.request(w.employee)).payment.createTopUp({ amountCents: 1_000 });
    await applyProviderEvent({ em: w.orm.em.fork() }, 'sandbox', {
      eventId: `evt_${paymentId}_pay`,
      type: 'checkout.paid',
      lookup: { paymentId },
      event: { type: 'succeeded' },
    });
    return { as: w.admin, run: (c) => c.payment.refund({ paymentId }) };
  },
  'wallet.charge': async (w) => {
    await fund(w.orm, w.employee, await makePayer(w.orm), 1_000);
    return { as: w.admin, run: (c) => c.wallet.charge({ userId: w.employee.id, amountCents: 300 }) };
  },
  'order.place': async (w) => {
    const product = await makeProduct(w.orm, { priceCents: 500, stock: 10 });
    await fund(w.orm, w.employee, await makePayer(w.orm), 2_000);
    return {
      as: w.employee,
      run: (c) => c.order.place({ items: [{ productId: product.id, quantity: 2 }], idempotencyKey: newId() }),
    };
  },
  'order.cancel': async (w) => {
    const { order } = await lunch(w);
    return { as: w.employee, run: (c) => c.order.cancel({ orderId: order.id }) };
  },
  'kitchen.setStatus': async (w) => {
    const { order } = await lunch(w);
    return { as: w.kitchen, run: (c) => c.kitchen.setStatus({ orderId: order.id, status: 'preparing', from: 'placed' }) };
  },
  'notification.markRead': async (w) => {
    await w.orm.em
      .fork()
      .transactional((em) => w.deps.notifier.notify(em, [{ userId: w.employee.id, kind: 'order_ready', payload: {} }]));
    return { as: w.employee, run: (c) => c.notification.markRead({ all: true }) };
  },
  'notification.updateSettings': async (w) => ({
    as: w.employee,
    run: (c) => c.notification.updateSettings({ emailKinds: ['order_ready'], lowBalanceCents: 500 }),
  }),
  'notification.unsubscribe': async (w) => {
    const token = await w.deps.unsubscribeTokens.sign(w.employee.id);
    return { as: null, run: (c) => c.notification.unsubscribe({ token }) };
  },
  'product.setFavourite': async (w) => {
    const dish = await makeProduct(w.orm);
    return { as: w.employee, run: (c) => c.product.setFavourite({ id: dish.id, isFavourite: true }) };
  },
  'blog.follow': async (w) => {
    const blog = await blogWithPost(w);
    return { as: w.employee, run: (c) => c.blog.follow({ id: blog.id, isFollowing: true }) };
  },
  'order.changeSlot': async (w) => {
    const { day, weekday } = tomorrowOf(w.deps);
    const week = await (await w.request(w.admin)).slot.setDay({
      weekday,
      window: { from: '11:30', to: '12:00', everyMinutes: 15, capacity: 5 },
    });
    const [first, second] = week.days.find((d) => d.weekday === weekday)!.slots;
    const product = await makeProduct(w.orm, { priceCents: 500 });
    await fund(w.orm, w.employee, await makePayer(w.orm), 2_000);
    const order = await (await w.request(w.employee)).order.place({
      items: [{ productId: product.id, quantity: 1 }],
      idempotencyKey: newId(),
      pickupDay: day,
      slotId: first!.id,
    });
    return { as: w.employee, run: (c) => c.order.changeSlot({ orderId: order.id, slotId: second!.id }) };
  },
  'slot.setDay': async (w) => ({
    as: w.admin,
    run: (c) => c.slot.setDay({ weekday: 3, window: { from: '12:00', to: '13:00', everyMinutes: 30, capacity: 8 } }),
  }),
  'plan.setDish': async (w) => {
    const dish = await makeProduct(w.orm, { isScheduled: true });
    return { as: w.manager, run: (c) => c.plan.setDish({ day: '2031-03-03', productId: dish.id, plannedQuantity: 40 }) };
  },
  'plan.removeDish': async (w) => {
    const dish = await makeProduct(w.orm, { isScheduled: true });
    await (await w.request(w.manager)).plan.setDish({ day: '2031-03-03', productId: dish.id, plannedQuantity: 40 });
    return { as: w.manager, run: (c) => c.plan.removeDish({ day: '2031-03-03', productId: dish.id }) };
  },
  'plan.copyWeek': async (w) => {
    const dish = await makeProduct(w.orm, { isScheduled: true });
    await (await w.request(w.manager)).plan.setDish({ day: '2031-03-03', productId: dish.id, plannedQuantity: 40 });
    return { as: w.manager, run: (c) => c.plan.copyWeek({ from: '2031-03-03', to: '2031-03-10' }) };
  },
  'plan.publish': async (w) => {
    const dish = await makeProduct(w.orm, { isScheduled: true });
    await (await w.request(w.manager)).plan.setDish({ day: '2031-03-03', productId: dish.id, plannedQuantity: 40 });
    return { as: w.manager, run: (c) => c.plan.publish({ day: '2031-03-03', isPublished: true }) };
  },
  'order.refund': async (w) => {
    const { order } = await lunch(w);
    return { as: w.manager, run: (c) => c.order.refund({ orderId: order.id, reason: 'Cold soup' }) };
  },
  'blog.create': async (w) => ({
    as: w.manager,
    run: (c) => c.blog.create({ name: 'Daily menu', slug: 'daily-menu', posts: [{ content: 'Monday: soup' }] }),
  }),
  'blog.update': async (w) => {
    const blog = await blogWithPost(w);
    return { as: w.manager, run: (c) => c.blog.update({ id: blog.id, name: 'Renamed' }) };
  },
  'blog.delete': async (w) => {
    const blog = await blogWithPost(w);
    return { as: w.manager, run: (c) => c.blog.delete({ id: blog.id }) };
  },
  'post.create': async (w) => {
    const blog = await blogWithPost(w);
    return { as: w.manager, run: (c) => c.post.create({ blogId: blog.id, content: 'Tuesday: curry' }) };
  },
  'post.update': async (w) => {
    const post = (await blogWithPost(w)).posts![0]!;
    return { as: w.manager, run: (c) => c.post.update({ id: post.id, content: 'Edited' }) };
  },
  'post.delete': async (w) => {
    const post = (await blogWithPost(w)).posts![0]!;
    return { as: w.manager, run: (c) => c.post.delete({ id: post.id }) };
  },
  'post.view': async (w) => {
    const post = (await blogWithPost(w)).posts![0]!;
    return { as: w.employee, run: (c) => c.post.view({ id: post.id }) };
  },
  'review.create': async (w) => {
    const { product } = await lunch(w);
    return { as: w.employee, run: (c) => c.review.create({ productId: product.id, rating: 4 }) };
  },
  'review.update': async (w) => {
    const { id } = await review(w);
    return { as: w.employee, run: (c) => c.review.update({ id, rating: 5 }) };
  },
  'review.delete': async (w) => {
    const { id } = await review(w);
    return { as: w.employee, run: (c) => c.review.delete({ id }) };
  },
  'review.setStatus': async (w) => {
    const { id } = await review(w);
    return { as: w.manager, run: (c) => c.review.setStatus({ id, status: 'hidden' }) };
  },
  'settings.update': async (w) => ({ as: w.admin, run: (c) => c.settings.update({ requireTotpForStaff: false }) }),
};

const mutations = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>)
  .filter(([, procedure]) => procedure._def.type === 'mutation')
  .map(([path]) => path)
  .sort();

const makeWorld = async (orm: MikroORM): Promise<World> => {
  const cast = await makeCast(orm);
  const deps = createTestDeps();
  const request = (user: User | null) => createTestCaller({ user, deps });
  const signIn = async (user: User) => {
    const client = createClient();
    await (await createTestCaller({ client, deps })).auth.login({ email: user.email, password: TEST_PASSWORD });
    return client;
  };
  return { ...cast, orm, deps, request, signIn };
};

type Stamp = { tx: string };

/** The first transaction id not handed out yet, as the 32-bit number that `xmin` holds. */
const nextTransactionId = async (orm: MikroORM): Promise<string> => {
  const [row] = await orm.em
    .fork()
    .getConnection()
    .execute<Stamp[]>(`select (pg_snapshot_xmax(pg_current_snapshot())::text::numeric % 4294967296)::bigint::text as tx`);
  return row!.tx;
};

/** Every row version written since `since`, by table, with the transaction that wrote it. */
const rowsWrittenSince = async (orm: MikroORM, since: string) => {
  const connection = orm.em.fork().getConnection();
  const tables = await connection.execute<{ name: string }[]>(
    `select tablename as name from pg_tables where schemaname = current_schema() and tablename <> 'audit_entry'`,
  );
  const written = await connection.execute<(Stamp & { name: string })[]>(
    tables
      .map(
        ({ name }) =>
          `select distinct '${name}' as name, xmin::text as tx from "${name}" where xmin::text::bigint >= ${Number(since)}`,
      )
      .join(' union all '),
  );
  const audits = await connection.execute<(Stamp & { action: string; request_id: string | null })[]>(
    `select xmin::text as tx, action, request_id from audit_entry where xmin::text::bigint >= ?`,
    [Number(since)],
  );
  return { written, audits };
};

/** Routine mutations whose row changes are not audited: the refresh-token rotation (reuse is, see auth tests). */
const ROUTINE_MUTATIONS = new Set<string>(['auth.refresh']);

/** Mutations that rewrite earlier audit entries on purpose. */
const REWRITES_PAST_AUDIT = new Set<string>(['privacy.erase']);

describe('every mutation is audited in its own transaction', () => {
  it('has one successful call for each mutation, and none for anything else', () => {
    expect(mutations.length).toBeGreaterThan(30);
    expect(Object.keys(CASES).sort()).toEqual(mutations);
  });

  it.each(mutations)('%s writes its changes and its audit entries in one transaction', async (path) => {
    const orm = await getTestOrm();
    const arrange = CASES[path as MutationPath];
    expect(arrange, `${path} needs a case in CASES`).toBeDefined();
    const world = await makeWorld(orm);
    const { as, client = createClient(), run } = await arrange(world);
    const caller = await createTestCaller({ user: as, client, deps: world.deps });

    const since = await nextTransactionId(orm);
    await run(caller);
    const { written, audits } = await rowsWrittenSince(orm, since);

    const ours = audits.filter((entry) => entry.request_id === client.requestId);
    if (ROUTINE_MUTATIONS.has(path)) {
      // Not a change anyone audits (issue 10: the log was flooded with token rotations); still one transaction.
      expect(ours, `${path} is routine and writes no audit entry`).toHaveLength(0);
      expect(new Set(written.map((row) => row.tx)).size, `${path} wrote in several transactions`).toBeLessThanOrEqual(1);
      return;
    }
    expect(ours.length, `${path} wrote no audit entry`).toBeGreaterThan(0);
    expect(
      ours.map((entry) => entry.action),
      'the entries are named after the procedure called',
    ).toContain(path);
    // An erasure rewrites the person's past audit entries (address, browser, snapshots): those are older
    // requests' entries, and must have been rewritten in the erasure's own transaction.
    const rewritten = REWRITES_PAST_AUDIT.has(path) ? audits.filter((entry) => entry.request_id !== client.requestId) : [];
    expect(ours, 'every audit entry written since the call is this request’s').toHaveLength(audits.length - rewritten.length);
    const transactions = new Set(ours.map((entry) => entry.tx));
    expect(transactions.size, `${path} spread its audit entries over several transactions`).toBe(1);
    for (const row of [...written, ...rewritten.map((entry) => ({ ...entry, name: 'audit_entry (rewritten)' }))]) {
      expect(transactions, `${path} wrote ${row.name} outside the transaction of its audit entries`).toContain(row.tx);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { ReferenceKind } from '@mikro-orm/core';
import { AuditEntry, PasswordReset, Session, User, WalletEntry, balanceByPayer, kysely } from '@canteen/db';
import { EXPORT_COVERAGE } from '../src/modules/privacy/privacy.service';
import {
  TEST_PASSWORD,
  createClient,
  createTestCaller,
  createTestDeps,
  fund,
  getTestOrm,
  makeCast,
  makePayer,
  makeProduct,
  newIdempotencyKey,
} from './helpers';

const orm = await getTestOrm();

/** Every ledger and order total of the database, to prove an erasure changes none of them. */
const totals = async () => {
  const db = kysely(orm.em.fork());
  const ledger = await db
    .selectFrom('WalletEntry')
    .select((eb) => [eb.fn.sum<string>('amountCents').as('amount'), eb.fn.sum<string>('remainingCents').as('remaining')])
    .executeTakeFirstOrThrow();
  const orders = await db
    .selectFrom('Order')
    .select((eb) => [eb.fn.sum<string>('totalCents').as('total'), eb.fn.countAll<string>().as('count')])
    .executeTakeFirstOrThrow();
  return { ...ledger, ...orders };
};

/** An employee with a history: a credit, an order, a review, a session, a changed profile. */
const personWithHistory = async () => {
  const cast = await makeCast(orm);
  const deps = createTestDeps();
  await fund(orm, cast.employee, await makePayer(orm), 2_000);
  const dish = await makeProduct(orm, { name: 'Lentil soup', priceCents: 450 });
  const client = createClient();
  const session = await (await createTestCaller({ client, deps })).auth.login({
    email: cast.employee.email,
    password: TEST_PASSWORD,
  });
  const asEmployee = await createTestCaller({ user: cast.employee, deps, client });
  const order = await asEmployee.order.place({
    items: [{ productId: dish.id, quantity: 2 }],
    idempotencyKey: newIdempotencyKey(),
  });
  await asEmployee.review.create({ productId: dish.id, rating: 5, comment: 'Lovely' });
  await (await createTestCaller({ user: cast.admin, deps })).user.update({ id: cast.employee.id, name: 'Eli Renamed' });
  return { ...cast, deps, order, session, dish, client };
};

describe('privacy.export', () => {
  it('covers every reference to a person in the schema (a new one fails here until the export says where it goes)', () => {
    const references = [...orm.getMetadata().getAll().values()].flatMap((meta) =>
      meta.props
        .filter(
          (prop) =>
            (prop.kind === ReferenceKind.MANY_TO_ONE || (prop.kind === ReferenceKind.ONE_TO_ONE && prop.owner)) &&
            prop.targetMeta?.className === 'User',
        )
        .map((prop) => `${meta.className}.${prop.name}`),
    );
    expect(references.sort()).toEqual(Object.keys(EXPORT_COVERAGE).sort());
  });

  it("gives a person all of their data, an admin anyone's on request, and audits every export", async () => {
    const { employee, manager, admin, deps, order } = await personWithHistory();
    const data = await (await createTestCaller({ user: employee, deps })).privacy.export({});
    expect(data.profile).toMatchObject({ id: employee.id, email: employee.email, name: 'Eli Renamed' });
    expect(data.orders).toEqual([
      expect.objectContaining({
        id: order.id,
        totalCents: 900,
        lines: [{ productName: 'Lentil soup', quantity: 2, unitPriceCents: 450, options: [], note: null }],
      }),
    ]);
    expect(data.walletEntries.map((e) => [e.kind, e.amountCents])).toEqual([
      ['credit', 2_000],
      ['spend', -900],
    ]);
    expect(data.reviews).toEqual([expect.objectContaining({ productName: 'Lentil soup', rating: 5, comment: 'Lovely' })]);
    expect(data.sessions).toHaveLength(1);
    expect(data.sessions[0]?.ip).toBeTruthy();
    // Their own acts with their address; an admin's change about them without the admin's address.
    const rename = data.auditEntries.find((e) => e.action === 'user.update');
    expect(rename).toMatchObject({ byThem: false, ip: null, userAgent: null });
    expect(data.auditEntries.some((e) => e.byThem && e.action === 'order.place')).toBe(true);

    await expect((await createTestCaller({ user: manager, deps })).privacy.export({ userId: employee.id })).rejects.toMatchObject(
      {
        code: 'FORBIDDEN',
      },
    );
    expect((await (await createTestCaller({ user: admin, deps })).privacy.export({ userId: employee.id })).profile.id).toBe(
      employee.id,
    );
    expect(await orm.em.fork().count(AuditEntry, { action: 'privacy.export', entityId: employee.id })).toBe(2);
  });
});

describe('privacy.erase', () => {
  it('anonymises the person, ends every sign-in, and keeps every ledger and order total as it was', async () => {
    const { employee, admin, deps, client } = await personWithHistory();
    // A note for the kitchen is their own words.
    await orm.em.fork().getConnection().execute(`update order_line set note = 'Eli: no nuts, allergic'`);
    const before = await totals();
    const balanceBefore = await balanceByPayer(orm.em.fork(), employee.id);
    const asAdmin = await createTestCaller({ user: admin, deps });
    await expect(asAdmin.privacy.erase({ userId: employee.id, confirmEmail: 'someone@else.test' })).rejects.toMatchObject({
      cause: { reason: 'CONFIRMATION_MISMATCH' },
    });
    await expect(asAdmin.privacy.erase({ userId: admin.id, confirmEmail: admin.email })).rejects.toMatchObject({
      cause: { reason: 'SELF_SERVICE_FORBIDDEN' },
    });
    await asAdmin.privacy.erase({ userId: employee.id, confirmEmail: employee.email.toUpperCase() });

    const erased = await orm.em.fork().findOneOrFail(User, employee.id, { populate: ['passwordHash', 'totpSecret'] });
    expect(erased).toMatchObject({ name: 'Erased person', isActive: false, totpSecret: null });
    expect(erased.email).not.toContain(employee.email);
    expect(erased.anonymizedAt).toBeInstanceOf(Date);
    expect(await totals()).toEqual(before);
    expect(await balanceByPayer(orm.em.fork(), employee.id)).toEqual(balanceBefore);
    expect(await orm.em.fork().count(Session, { user: employee.id })).toBe(0);
    expect(await orm.em.fork().count(PasswordReset, { user: employee.id })).toBe(0);
    expect(await orm.em.fork().count(WalletEntry, { user: employee.id })).toBe(2);
    const notes = await orm.em.fork().getConnection().execute(`select note from order_line where note is not null`);
    expect(notes).toEqual([]);

    // Nothing left in the audit log says who they were or where they signed in from.
    const trail = await orm.em.fork().find(AuditEntry, { $or: [{ actor: employee.id }, { entityId: employee.id }] });
    const text = JSON.stringify(trail);
    expect(text).not.toContain(employee.email);
    expect(text).not.toContain('Eli Renamed');
    expect(trail.filter((e) => e.actor?.id === employee.id).every((e) => e.ip === null && e.userAgent === null)).toBe(true);
    expect(await orm.em.fork().count(AuditEntry, { action: 'privacy.erase', entityId: employee.id })).toBe(1);

    // They cannot sign in, with the old password or the old refresh token; and it cannot be done twice.
    await expect(
      (await createTestCaller({ deps })).auth.login({ email: employee.email, password: TEST_PASSWORD }),
    ).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
    expect(client.jar.cookie).toBeTruthy();
    await expect((await createTestCaller({ deps, client })).auth.refresh()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(asAdmin.privacy.erase({ userId: employee.id, confirmEmail: erased.email })).rejects.toMatchObject({
      cause: { reason: 'ALREADY_ERASED' },
    });
    // Left out of the people list, unless an admin asks for the erased too (to export what remains).
    expect((await asAdmin.user.list({ search: 'Erased person' })).items.map((u) => u.id)).not.toContain(employee.id);
    const listed = (await asAdmin.user.list({ search: 'Erased person', includeErased: true })).items.find(
      (u) => u.id === employee.id,
    );
    expect(listed).toMatchObject({ isErased: true, isActive: false, name: 'Erased person' });
    // The review stays for the dish's rating, by an anonymous person.
    const reviews = await (await createTestCaller({ user: admin, deps })).review.list({});
    expect(reviews.items.map((r) => r.userName)).toContain('Erased person');
  });
});

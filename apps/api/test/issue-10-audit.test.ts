import { describe, expect, it } from 'vitest';
import { TEST_PASSWORD, createClient, createTestCaller, createTestDeps, getTestOrm, makeCast, makeProduct } from './helpers';

const orm = await getTestOrm();

describe('audit.list for people (issue 10)', () => {
  it('names the actor and what each entry is about, and filters by actor, entity, action and time', async () => {
    const { admin, manager, employee } = await makeCast(orm);
    const deps = createTestDeps();
    const dish = await makeProduct(orm, { name: 'Lentil soup', priceCents: 450 });
    const asManager = await createTestCaller({ user: manager, deps });
    const asAdmin = await createTestCaller({ user: admin, deps });
    const start = new Date();
    await asManager.product.update({ id: dish.id, priceCents: 480 });
    await asAdmin.user.update({ id: employee.id, name: 'Eli Renamed' });

    const { items } = await asAdmin.audit.list({ from: start.toISOString() });
    const priceChange = items.find((entry) => entry.action === 'product.update');
    expect(priceChange).toMatchObject({
      actorName: manager.name,
      entityLabel: 'Lentil soup',
      before: { priceCents: 450 },
      after: { priceCents: 480 },
    });
    expect(items.find((entry) => entry.action === 'user.update')).toMatchObject({
      actorName: admin.name,
      entityLabel: 'Eli Renamed',
    });

    expect((await asAdmin.audit.list({ actorId: manager.id, from: start.toISOString() })).items.map((e) => e.action)).toEqual([
      'product.update',
    ]);
    expect((await asAdmin.audit.list({ entity: 'User', from: start.toISOString() })).items.map((e) => e.entityId)).toEqual([
      employee.id,
    ]);
    expect((await asAdmin.audit.list({ action: 'product.', from: start.toISOString() })).items).toHaveLength(1);
    expect((await asAdmin.audit.list({ to: start.toISOString(), action: 'product.update' })).items).toHaveLength(0);
    await expect(asManager.audit.list({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('last sign-in (issue 10, item 3)', () => {
  it('is recorded on every sign-in and shown to staff', async () => {
    const { admin, employee } = await makeCast(orm);
    const deps = createTestDeps();
    const asAdmin = await createTestCaller({ user: admin, deps });
    expect((await asAdmin.user.byId({ id: employee.id })).lastLoginAt).toBeNull();
    const before = Date.now();
    await (await createTestCaller({ deps, client: createClient() })).auth.login({
      email: employee.email,
      password: TEST_PASSWORD,
    });
    const seen = (await asAdmin.user.byId({ id: employee.id })).lastLoginAt;
    expect(seen).not.toBeNull();
    expect(Date.parse(seen!)).toBeGreaterThanOrEqual(before - 1000);
  });
});

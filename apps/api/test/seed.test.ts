import { MikroORM } from '@mikro-orm/postgresql';
import { describe, expect, inject, it } from 'vitest';
import {
  Category,
  MenuDay,
  MenuDayDish,
  Payer,
  PickupSlot,
  Product,
  User,
  WalletEntry,
  balanceByPayer,
  createOrmConfig,
} from '@canteen/db';
import { DEMO_LOGINS, seedDemo } from '@canteen/db/seed';
import { freshDatabase } from './db';

// The demo seed builds its people, dishes, payers and lots with the same factories as the tests
// (packages/db/src/factories.ts); this checks that what it builds is a valid, consistent canteen.
describe('demo seed', () => {
  it('fills an empty database once: demo logins, a menu, payers and funded wallets', { timeout: 120_000 }, async () => {
    const clientUrl = await freshDatabase(`canteen_test_${inject('runId')}_seed_${process.env.VITEST_POOL_ID ?? '1'}`);
    const orm = await MikroORM.init(createOrmConfig({ clientUrl }));
    try {
      await orm.migrator.up();
      expect(await seedDemo(orm.em.fork())).toBe(true);
      expect(await seedDemo(orm.em.fork()), 'a second seed does nothing').toBe(false);
      const em = orm.em.fork();
      for (const login of DEMO_LOGINS) expect(await em.count(User, { email: login.email, role: login.role })).toBe(1);
      expect(await em.count(User)).toBeGreaterThan(300);
      expect(await em.count(Category)).toBeGreaterThan(3);
      expect(await em.count(Product)).toBeGreaterThan(20);
      expect(await em.count(Payer, { kind: 'personal' })).toBe(1);
      // Every lot is untouched money: what is left equals what came in, so balances equal the credits.
      const entries = await em.find(WalletEntry, {});
      expect(entries.every((entry) => entry.remainingCents === entry.amountCents && entry.amountCents > 0)).toBe(true);
      const employee = await em.findOneOrFail(User, { email: 'employee@canteen.test' });
      const total = (await balanceByPayer(em, employee.id)).reduce((sum, row) => sum + row.amountCents, 0);
      expect(total).toBeGreaterThan(0);
      // The week plan: slots on weekdays, daily dishes on a published plan, and dishes with options.
      expect(await em.count(PickupSlot, { weekday: 3 })).toBe(10);
      expect(await em.count(PickupSlot, { weekday: 6 })).toBe(0);
      expect(await em.count(MenuDay, { publishedAt: { $ne: null } })).toBeGreaterThanOrEqual(8);
      expect(await em.count(MenuDayDish)).toBeGreaterThanOrEqual(16);
      expect(await em.count(Product, { isScheduled: true })).toBe(5);
      const withOptions = (await em.find(Product, {})).filter((p) => p.optionGroups.length > 0);
      expect(withOptions.length).toBeGreaterThanOrEqual(5);
      expect(withOptions.flatMap((p) => p.optionGroups.flatMap((g) => g.options)).every((o) => o.id && !o.isArchived)).toBe(true);
      // Kitchen staff have no wallet.
      const kitchen = await em.findOneOrFail(User, { email: 'kitchen@canteen.test' });
      expect(await em.count(WalletEntry, { user: kitchen })).toBe(0);

      // A demo database from before the kitchen gets its login at the next start, and nothing else.
      await em.nativeDelete(User, { id: kitchen.id });
      const people = await em.count(User);
      expect(await seedDemo(orm.em.fork())).toBe(false);
      expect(await orm.em.fork().count(User, { email: 'kitchen@canteen.test', role: 'kitchen' })).toBe(1);
      expect(await orm.em.fork().count(User)).toBe(people + 1);

      // A demo database from before the week plan gets it at the next start, once.
      await orm.em.fork().getConnection().execute('delete from menu_day_dish; delete from menu_day; delete from pickup_slot');
      expect(await seedDemo(orm.em.fork(), { timeZone: 'Europe/Berlin' })).toBe(false);
      expect(await orm.em.fork().count(PickupSlot)).toBe(50);
      expect(await orm.em.fork().count(Product, { isScheduled: true }), 'the daily dishes are not made twice').toBe(5);
      expect(await seedDemo(orm.em.fork())).toBe(false);
      expect(await orm.em.fork().count(PickupSlot)).toBe(50);
    } finally {
      await orm.close(true);
    }
  });
});

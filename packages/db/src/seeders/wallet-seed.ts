import type { Faker } from '@faker-js/faker';
import type { EntityManager } from '@mikro-orm/core';
import type { Department } from '../department/department.entity';
import { buildCategory, buildLot, buildPayer, buildProduct } from '../factories';
import type { User } from '../user/user.entity';
import type { Payer } from '../wallet/payer.entity';
import type { OptionGroup } from '@canteen/shared';
import { newId } from '../common/base';
import { MENU_CATEGORIES, MENU_PRODUCTS, type OptionGroupSeed } from './menu-data';

/** A seeded dish's option groups, with ids. */
export const withOptionIds = (groups: readonly OptionGroupSeed[] = []): OptionGroup[] =>
  groups.map((group) => ({
    ...group,
    id: newId(),
    options: group.options.map((option) => ({ ...option, id: newId(), isArchived: false })),
  }));

/** A few tracked dishes start nearly or entirely sold out, so the demo shows what that looks like. */
const DEMO_LOW_STOCK = [3, 2, 0];

export const seedMenu = (em: EntityManager): void => {
  const categories = new Map(MENU_CATEGORIES.map((spec) => [spec.slug, buildCategory(em, spec)]));
  const lowStockLeft = [...DEMO_LOW_STOCK];
  for (const spec of MENU_PRODUCTS) {
    const stock =
      spec.stock !== null && lowStockLeft.length > 0 && spec.category !== 'drinks' ? lowStockLeft.shift()! : spec.stock;
    buildProduct(em, {
      name: spec.name,
      description: spec.description,
      priceCents: spec.priceCents,
      category: categories.get(spec.category)!,
      allergens: spec.allergens,
      dietaryTags: spec.dietaryTags,
      stock,
      optionGroups: withOptionIds(spec.optionGroups),
    });
  }
};

export const seedPayers = (em: EntityManager, departments: Department[]) => ({
  company: buildPayer(em, { name: 'Company subsidy', kind: 'company', department: null }),
  departments: new Map(
    departments.map((d) => [d.id, buildPayer(em, { name: `${d.name} budget`, kind: 'department', department: d })]),
  ),
  personal: buildPayer(em, { name: 'Personal top-up', kind: 'personal', department: null }),
  promo: buildPayer(em, { name: 'Welcome promo', kind: 'promo', department: null }),
});

const daysAgo = (days: number, hour = 9): Date => {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() - days);
  date.setUTCHours(hour, 0, 0, 0);
  return date;
};

/** Every active person gets money from several payers at different times, as a real quarter would. */
type CreditSeed = { em: EntityManager; faker: Faker; users: User[]; payers: ReturnType<typeof seedPayers> };

export const seedCredits = ({ em, faker, users, payers }: CreditSeed): void => {
  const lot = (user: User, payer: Payer, credit: { amountCents: number; occurredAt: Date; note: string }) =>
    buildLot(em, { user, payer, ...credit });
  for (const user of users.filter((u) => u.isActive)) {
    lot(user, payers.promo, { amountCents: 500, occurredAt: daysAgo(75, 8), note: 'Welcome to Canteen' });
    for (const days of [60, 30, 0])
      lot(user, payers.company, { amountCents: 4_000, occurredAt: daysAgo(days, 6), note: 'Monthly lunch subsidy' });
    const department = user.department ? payers.departments.get(user.department.id) : undefined;
    if (department) {
      lot(user, department, {
        amountCents: 1_500,
        occurredAt: daysAgo(faker.number.int({ min: 5, max: 50 }), 10),
        note: 'Team lunch budget',
      });
    }
    if (faker.datatype.boolean({ probability: 0.4 }) || user.email === 'employee@canteen.test') {
      const topUp = user.email === 'employee@canteen.test' ? 2_500 : faker.number.int({ min: 10, max: 50 }) * 100;
      buildLot(em, {
        user,
        payer: payers.personal,
        amountCents: topUp,
        occurredAt: daysAgo(faker.number.int({ min: 1, max: 40 }), 12),
        kind: 'top_up',
        note: 'Card top-up',
      });
    }
  }
};

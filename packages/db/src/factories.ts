import type { EntityManager, RequiredEntityData } from '@mikro-orm/core';
import { newId } from './common/base';
import { Department } from './department/department.entity';
import { Category } from './menu/category.entity';
import { Product } from './menu/product.entity';
import { User } from './user/user.entity';
import { Payer } from './wallet/payer.entity';
import { WalletEntry } from './wallet/wallet-entry.entity';

/**
 * One set of factories for the demo seed and the tests: each builds a valid entity with unique defaults, takes
 * any field to override, and persists it in `em` without flushing (the caller flushes once for many).
 */
type Fields<T extends object> = Partial<RequiredEntityData<T>>;

const suffix = (): string => newId().slice(-12);
// Departments take 8 of the random hex digits: with 5, two departments of one test run once shared a name (1 in 2^20 per pair).

export const buildDepartment = (em: EntityManager, fields: Fields<Department> = {}): Department => {
  const tag = suffix().slice(-8).toUpperCase();
  return em.create(Department, { name: `Dept ${tag}`, code: `D${tag}`, ...fields });
};

/** Every person needs a password hash; hash once and share it when building many (argon2id is slow on purpose). */
export const buildUser = (em: EntityManager, fields: Fields<User> & { passwordHash: string }): User => {
  const tag = suffix();
  const role = typeof fields.role === 'string' ? fields.role : 'employee';
  return em.create(User, {
    email: `${role}-${tag}@example.test`,
    name: `Test ${role} ${tag.slice(-6)}`,
    employeeNumber: `T${tag}`,
    role,
    department: null,
    passwordChangedAt: new Date(),
    ...fields,
  });
};

export const buildCategory = (em: EntityManager, fields: Fields<Category> = {}): Category => {
  const name = typeof fields.name === 'string' ? fields.name : `Cat ${suffix().slice(-6)}`;
  return em.create(Category, { name, slug: name.toLowerCase().replace(/[^a-z0-9]+/g, '-'), sortOrder: 1, ...fields });
};

export const buildProduct = (em: EntityManager, fields: Fields<Product> & Pick<Fields<Product>, 'category'>): Product =>
  em.create(Product, {
    name: `Dish ${suffix().slice(-6)}`,
    description: 'A test dish',
    priceCents: 500,
    allergens: [],
    dietaryTags: [],
    stock: null,
    category: fields.category!,
    ...fields,
  });

export const buildPayer = (em: EntityManager, fields: Fields<Payer> = {}): Payer =>
  em.create(Payer, { name: `Payer ${suffix().slice(-6)}`, kind: 'company', department: null, ...fields });

/** Money arriving in a wallet: a credit (or top-up) entry that is also a lot, all of it still to spend. */
export const buildLot = (
  em: EntityManager,
  fields: Pick<RequiredEntityData<WalletEntry>, 'user' | 'payer' | 'amountCents'> & Fields<WalletEntry>,
): WalletEntry =>
  em.create(WalletEntry, {
    occurredAt: new Date(),
    kind: 'credit',
    createdBy: null,
    remainingCents: fields.amountCents,
    ...fields,
  });

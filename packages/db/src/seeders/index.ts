import { en, Faker } from '@faker-js/faker';
import type { EntityManager } from '@mikro-orm/core';
import { Department } from '../department/department.entity';
import { buildDepartment, buildUser } from '../factories';
import { hashPassword } from '../user/password-hash';
import { User } from '../user/user.entity';
import { addMissingWeekPlan, seedWeekPlan } from './plan-seed';
import { seedCredits, seedMenu, seedPayers } from './wallet-seed';

export const DEMO_PASSWORD = 'Canteen-Demo-2026';
export const DEMO_LOGINS = [
  { email: 'admin@canteen.test', role: 'admin', department: 'Operations' },
  { email: 'manager@canteen.test', role: 'manager', department: 'Engineering' },
  { email: 'employee@canteen.test', role: 'employee', department: 'Engineering' },
  { email: 'kitchen@canteen.test', role: 'kitchen', department: null },
] as const;

const DEMO_NAMES = ['Ada Admin', 'Maya Manager', 'Eli Employee', 'Kai Kitchen'];

export const DEMO_DEPARTMENTS = [
  { name: 'Engineering', code: 'ENG' },
  { name: 'Finance', code: 'FIN' },
  { name: 'People & Culture', code: 'PPL' },
  { name: 'Operations', code: 'OPS' },
  { name: 'Sales', code: 'SAL' },
  { name: 'Marketing', code: 'MKT' },
  { name: 'Customer Support', code: 'SUP' },
] as const;

const DEMO_EMPLOYEES = 320;

/**
 * A demo data set from an older version lacks the demo logins added since (the kitchen's): they are added, with
 * nothing else.
 */
const addMissingDemoLogins = async (em: EntityManager): Promise<void> => {
  const existing = new Set((await em.find(User, { email: DEMO_LOGINS.map((login) => login.email) })).map((user) => user.email));
  const missing = DEMO_LOGINS.map((login, index) => ({ login, index })).filter(({ login }) => !existing.has(login.email));
  if (missing.length === 0) return;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const { login, index } of missing) {
    buildUser(em, {
      email: login.email,
      name: DEMO_NAMES[index] ?? login.email,
      employeeNumber: `D${String(index + 1).padStart(4, '0')}`,
      role: login.role,
      department: login.department ? await em.findOne(Department, { name: login.department }) : null,
      passwordHash,
      passwordChangedAt: new Date(),
    });
  }
  await em.flush();
};

/**
 * Idempotent: when the demo admin exists, only what the demo gained since (the kitchen's login, the week plan) is
 * added. Returns whether it seeded the demo. `timeZone` is the canteen's: the demo plan's days are its days.
 */
export const seedDemo = async (em: EntityManager, { timeZone = 'UTC' }: { timeZone?: string } = {}): Promise<boolean> => {
  if (await em.count(User, { email: DEMO_LOGINS[0].email })) {
    await addMissingDemoLogins(em);
    await addMissingWeekPlan(em, timeZone);
    return false;
  }
  const faker = new Faker({ locale: [en] });
  faker.seed(2026);
  const departments = new Map<string, Department>();
  for (const spec of DEMO_DEPARTMENTS) {
    const existing = await em.findOne(Department, { name: spec.name });
    departments.set(spec.name, existing ?? buildDepartment(em, spec));
  }
  // Every demo account shares one hash so seeding stays fast (the demo password is public anyway).
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const now = new Date();
  const users: User[] = [];
  DEMO_LOGINS.forEach((login, index) => {
    const demoUser = buildUser(em, {
      email: login.email,
      name: DEMO_NAMES[index] ?? login.email,
      employeeNumber: `D${String(index + 1).padStart(4, '0')}`,
      role: login.role,
      department: login.department ? (departments.get(login.department) ?? null) : null,
      passwordHash,
      passwordChangedAt: now,
    });
    // Kitchen staff have no wallet: no credits for them.
    if (login.role !== 'kitchen') users.push(demoUser);
  });
  const taken = new Set<string>();
  const departmentList = [...departments.values()];
  for (let index = 0; index < DEMO_EMPLOYEES; index++) {
    const firstName = faker.person.firstName();
    const lastName = faker.person.lastName();
    let email = `${firstName}.${lastName}`.toLowerCase().replace(/[^a-z.]/g, '') + '@canteen.test';
    for (let n = 2; taken.has(email); n++) email = email.replace(/\d*@/, `${n}@`);
    taken.add(email);
    const department = departmentList[index % departmentList.length] ?? null;
    const user = buildUser(em, {
      email,
      name: `${firstName} ${lastName}`,
      employeeNumber: `E${String(index + 1).padStart(5, '0')}`,
      role: index < departmentList.length ? 'manager' : 'employee',
      department,
      passwordHash,
      passwordChangedAt: now,
      isActive: index % 97 !== 0 || index === 0,
    });
    users.push(user);
  }
  seedMenu(em);
  seedCredits({ em, faker, users, payers: seedPayers(em, departmentList) });
  await em.flush();
  await seedWeekPlan(em, { timeZone });
  return true;
};

/** For a configured server without demo data: one admin to sign in with, created only if no admin exists. */
export const seedBootstrapAdmin = async (em: EntityManager, email: string, password: string): Promise<void> => {
  if (await em.count(User, { role: 'admin' })) return;
  buildUser(em, {
    email: email.toLowerCase(),
    name: 'Administrator',
    employeeNumber: 'ADMIN-1',
    role: 'admin',
    department: null,
    passwordHash: await hashPassword(password),
    passwordChangedAt: new Date(),
  });
  await em.flush();
};

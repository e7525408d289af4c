import { beforeAll, describe, expect, it } from 'vitest';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { User } from '@canteen/db';
import { ACCESS_RULES, type AccessRule } from '../src/lib/access';
import { appRouter } from '../src/trpc/app-router';
import type { Meta } from '../src/trpc/init';
import { createTestCaller, getTestOrm, makeCast } from './helpers';

type Caller = 'anonymous' | 'employee' | 'manager' | 'admin' | 'kitchen';
/** Written out here, not derived from the rules: the test states who may pass each gate. */
const ALLOWED: Record<AccessRule, Caller[]> = {
  public: ['anonymous', 'employee', 'manager', 'admin', 'kitchen'],
  signedIn: ['employee', 'manager', 'admin', 'kitchen'],
  user: ['employee', 'manager', 'admin'],
  kitchen: ['kitchen', 'manager', 'admin'],
  manager: ['manager', 'admin'],
  admin: ['admin'],
};
const DENIAL_REASONS = ['SIGN_IN_REQUIRED', 'ROLE_REQUIRED'];

const procedures = Object.entries(
  appRouter._def.procedures as unknown as Record<string, { _def: { meta?: Meta; type: string } }>,
);

const call = async (caller: Awaited<ReturnType<typeof createTestCaller>>, path: string): Promise<unknown> => {
  let target: unknown = caller;
  for (const segment of path.split('.')) target = (target as Record<string, unknown>)[segment];
  return (target as (input: unknown) => Promise<unknown>)({});
};

/** The reason an access denial carries, or null when the call got past the access gate. */
const denialOf = async (run: () => Promise<unknown>): Promise<string | null> => {
  try {
    await run();
    return null;
  } catch (error) {
    const reason = (error as { cause?: { reason?: string } }).cause?.reason ?? null;
    return reason && DENIAL_REASONS.includes(reason) ? reason : null;
  }
};

describe('authorization of every procedure', () => {
  let orm: MikroORM;
  beforeAll(async () => {
    orm = await getTestOrm();
  });

  it('finds the procedures', () => {
    expect(procedures.length).toBeGreaterThan(15);
  });

  it.each(procedures.map(([path, procedure]) => [path, procedure._def.meta?.access] as const))(
    '%s declares a rule (%s) and enforces it for each caller',
    async (path, rule) => {
      expect(rule, `${path} has no access rule`).toBeDefined();
      expect(ACCESS_RULES).toContain(rule);
      const cast = await makeCast(orm);
      const users: Record<Caller, User | null> = {
        anonymous: null,
        employee: cast.employee,
        manager: cast.manager,
        admin: cast.admin,
        kitchen: cast.kitchen,
      };
      for (const [who, user] of Object.entries(users) as [Caller, User | null][]) {
        const reason = await denialOf(async () => call(await createTestCaller({ user }), path));
        if (ALLOWED[rule!].includes(who)) expect(reason, `${who} should pass the gate of ${path}`).toBeNull();
        else expect(reason, `${who} should be denied ${path}`).toBe(who === 'anonymous' ? 'SIGN_IN_REQUIRED' : 'ROLE_REQUIRED');
      }
    },
  );
});

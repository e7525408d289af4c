import { describe, expect, it } from 'vitest';
import { loadEnv } from '../../env';
import { createTestCaller, createTestDeps } from '../../../test/helpers';

describe('config.get', () => {
  it('tells anyone, signed in or not, the canteen name, address, currency and time zone', async () => {
    const deps = createTestDeps();
    const caller = await createTestCaller({ deps });
    expect(await caller.config.get()).toEqual({
      name: 'Test Canteen',
      address: '1 Test Street, Testville',
      currency: 'EUR',
      timeZone: 'Europe/Berlin',
    });
  });

  it('comes from the environment, which refuses a currency or time zone nobody can format', () => {
    const env = loadEnv({ CANTEEN_CURRENCY: 'CHF', CANTEEN_TIME_ZONE: 'Europe/Zurich', CANTEEN_NAME: 'Kantine Nord' });
    expect([env.CANTEEN_CURRENCY, env.CANTEEN_TIME_ZONE, env.CANTEEN_NAME, env.CANTEEN_ADDRESS]).toEqual([
      'CHF',
      'Europe/Zurich',
      'Kantine Nord',
      '',
    ]);
    expect(loadEnv({}).CANTEEN_CURRENCY).toBe('EUR');
    expect(() => loadEnv({ CANTEEN_CURRENCY: 'EURO' })).toThrow();
    expect(() => loadEnv({ CANTEEN_CURRENCY: 'XYZ' })).toThrow();
    expect(() => loadEnv({ CANTEEN_TIME_ZONE: 'Mars/Olympus' })).toThrow();
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_LOGIN_POLICY, createLoginGuard, type LoginGuard } from './login-guard';

const attemptOf = async (guard: LoginGuard, email: string, address: string) => {
  const result = await guard.begin(email, address);
  if (!('attempt' in result)) throw new Error(`refused: ${result.refusal.reason}`);
  return result.attempt;
};

const failTimes = async (guard: LoginGuard, email: string, address: string, times: number) => {
  const outcomes = [];
  for (let i = 0; i < times; i++) outcomes.push(await (await attemptOf(guard, email, address)).fail());
  return outcomes;
};

describe('login guard (in memory)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('uses the policy of issue 7 by default', () => {
    expect(DEFAULT_LOGIN_POLICY).toEqual({
      failuresPerAccountAndAddress: 5,
      addressLockMinutes: 15,
      failuresPerAddressPerDay: 100,
      failuresPerAccount: 50,
      accountFailuresPerAddressPerDay: 5,
      accountLockMinutes: 15,
    });
  });

  it('locks an (account, address) pair after five failures for 15 minutes, then lets it try again', async () => {
    const guard = createLoginGuard();
    const outcomes = await failTimes(guard, 'ann@example.test', '198.51.100.1', 5);
    expect(outcomes.map((o) => o.isPairLocked)).toEqual([false, false, false, false, true]);
    expect(outcomes[4]?.retryAfterMs).toBe(15 * 60_000);
    expect(await guard.begin('ANN@example.test', '198.51.100.1')).toMatchObject({ refusal: { reason: 'ACCOUNT_LOCKED' } });
    // Other addresses and other accounts are not affected.
    expect(await guard.begin('ann@example.test', '198.51.100.2')).toHaveProperty('attempt');
    expect(await guard.begin('bob@example.test', '198.51.100.1')).toHaveProperty('attempt');

    vi.advanceTimersByTime(14 * 60_000);
    const stillLocked = await guard.begin('ann@example.test', '198.51.100.1');
    expect(stillLocked).toMatchObject({ refusal: { reason: 'ACCOUNT_LOCKED' } });
    if ('refusal' in stillLocked) expect(stillLocked.refusal.retryAfterMs).toBeLessThanOrEqual(60_000);
    vi.advanceTimersByTime(60_001);
    expect(await guard.begin('ann@example.test', '198.51.100.1')).toHaveProperty('attempt');
  });

  it('starts the count again after a success, and a released attempt costs nothing', async () => {
    const guard = createLoginGuard();
    await failTimes(guard, 'ann@example.test', '198.51.100.1', 4);
    await (await attemptOf(guard, 'ann@example.test', '198.51.100.1')).succeed();
    for (let i = 0; i < 10; i++) await (await attemptOf(guard, 'ann@example.test', '198.51.100.1')).release();
    const outcomes = await failTimes(guard, 'ann@example.test', '198.51.100.1', 4);
    expect(outcomes.some((o) => o.isPairLocked)).toBe(false);
  });

  it('reserves attempts, so concurrent guesses cannot overrun the limit', async () => {
    const guard = createLoginGuard();
    const results = await Promise.all(Array.from({ length: 12 }, () => guard.begin('ann@example.test', '198.51.100.1')));
    expect(results.filter((r) => 'attempt' in r)).toHaveLength(5);
    expect(results.filter((r) => 'refusal' in r)).toHaveLength(7);
  });

  it('counts at most five failures a day of one address towards the account-wide lock', async () => {
    const guard = createLoginGuard();
    const first = await failTimes(guard, 'ann@example.test', '198.51.100.1', 5);
    vi.advanceTimersByTime(15 * 60_000 + 1);
    const second = await failTimes(guard, 'ann@example.test', '198.51.100.1', 5);
    expect(first.every((o) => o.countsForAccount)).toBe(true);
    expect(second.some((o) => o.countsForAccount)).toBe(false);
    // A day later that address counts again.
    vi.advanceTimersByTime(86_400_000);
    expect((await failTimes(guard, 'ann@example.test', '198.51.100.1', 1))[0]?.countsForAccount).toBe(true);
  });

  it('gives each address a daily failure budget over all accounts', async () => {
    const guard = createLoginGuard({ failuresPerAddressPerDay: 12 });
    const outcomes = [];
    for (let i = 0; i < 3; i++) outcomes.push(...(await failTimes(guard, `user${i}@example.test`, '198.51.100.1', 4)));
    expect(outcomes.filter((o) => o.isAddressBudgetSpent)).toHaveLength(1);
    expect(outcomes.at(-1)?.isAddressBudgetSpent).toBe(true);
    expect(await guard.begin('someone.else@example.test', '198.51.100.1')).toMatchObject({
      refusal: { reason: 'RATE_LIMITED' },
    });
    expect(await guard.begin('someone.else@example.test', '198.51.100.2')).toHaveProperty('attempt');
    vi.advanceTimersByTime(86_400_000 + 1);
    expect(await guard.begin('someone.else@example.test', '198.51.100.1')).toHaveProperty('attempt');
  });
});

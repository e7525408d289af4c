import type { Redis } from 'ioredis';
import { createLimiter } from './rate-limit';

/**
 * Login protection that counts failures only (rate-limiter-flexible's login-protection pattern), so an office
 * behind one NAT address can sign in all at once. See docs/adr/0006-login-protection.md.
 */
export type LoginPolicy = {
  /** Failures in a row for one account from one address before that address is locked out of that account. */
  failuresPerAccountAndAddress: number;
  /** How long that lock lasts. */
  addressLockMinutes: number;
  /** Failed attempts one address may make per day over all accounts, unknown emails included. */
  failuresPerAddressPerDay: number;
  /** Failures (since the last successful sign-in) that lock the account everywhere. */
  failuresPerAccount: number;
  /** How many failures of one (account, address) per day count towards that account-wide lock. */
  accountFailuresPerAddressPerDay: number;
  /** How long the account-wide lock lasts (an admin can lift it earlier). */
  accountLockMinutes: number;
};

export const DEFAULT_LOGIN_POLICY: LoginPolicy = {
  failuresPerAccountAndAddress: 5,
  addressLockMinutes: 15,
  failuresPerAddressPerDay: 100,
  failuresPerAccount: 50,
  accountFailuresPerAddressPerDay: 5,
  accountLockMinutes: 15,
};

const DAY_SECONDS = 86_400;

export type FailureOutcome = {
  /** This failure locked the address out of the account (or it already was). */
  isPairLocked: boolean;
  /** Milliseconds until the pair lock ends, when locked. */
  retryAfterMs: number;
  /** This failure used the last of the address's daily budget. */
  isAddressBudgetSpent: boolean;
  /** This failure counts towards the account-wide lock. */
  countsForAccount: boolean;
};

export type LoginAttempt = {
  /** Wrong password or code: counts against the (account, address) pair and the address. */
  fail: () => Promise<FailureOutcome>;
  /** Right credentials: the pair's failures start again from zero. */
  succeed: () => Promise<void>;
  /** Neither (the second factor is still to come, the account is inactive): gives the reserved attempt back. */
  release: () => Promise<void>;
};

export type LoginRefusal = { reason: 'ACCOUNT_LOCKED' | 'RATE_LIMITED'; retryAfterMs: number };

export type LoginGuard = {
  policy: LoginPolicy;
  /**
   * Called before any password work. Refuses when the address has spent its daily budget, or when this
   * address is locked out of this account; otherwise reserves one attempt on the pair, so concurrent guesses
   * cannot overrun the limit.
   */
  begin: (email: string, address: string) => Promise<{ attempt: LoginAttempt } | { refusal: LoginRefusal }>;
};

/** In process memory by default; in Redis when a client is given, so every API process shares the counts. */
export const createLoginGuard = (
  overrides: Partial<LoginPolicy> = {},
  redis?: Redis,
  redisPrefix = 'canteen:login',
): LoginGuard => {
  const policy: LoginPolicy = { ...DEFAULT_LOGIN_POLICY, ...overrides };
  const make = (keyPrefix: string, points: number) =>
    createLimiter({ redis, prefix: redisPrefix }, { keyPrefix, points, durationSeconds: DAY_SECONDS });
  /** Consecutive failures per (account, address); reset by a success, blocked for a while once used up. */
  const byPair = make('pair', policy.failuresPerAccountAndAddress);
  /** Failures per address per day; never reset by a success. */
  const byAddress = make('address', policy.failuresPerAddressPerDay);
  /** Failures per (account, address) per day that count towards the account-wide lock. */
  const towardsAccount = make('account', policy.accountFailuresPerAddressPerDay);
  const lockMs = policy.addressLockMinutes * 60_000;

  return {
    policy,
    async begin(rawEmail, address) {
      const email = rawEmail.trim().toLowerCase();
      const pairKey = `${address}|${email}`;
      const spent = await byAddress.get(address);
      if (spent && spent.consumedPoints >= policy.failuresPerAddressPerDay) {
        return { refusal: { reason: 'RATE_LIMITED', retryAfterMs: spent.msBeforeNext } };
      }
      const reserved = await byPair.penalty(pairKey);
      if (reserved.consumedPoints > policy.failuresPerAccountAndAddress) {
        // Locked (or being locked by attempts still in flight); a refused attempt is not a guess.
        await byPair.reward(pairKey);
        return { refusal: { reason: 'ACCOUNT_LOCKED', retryAfterMs: Math.min(reserved.msBeforeNext, lockMs) } };
      }
      let isSettled = false;
      const settle = (): boolean => {
        const first = !isSettled;
        isSettled = true;
        return first;
      };
      return {
        attempt: {
          async fail() {
            if (!settle()) throw new Error('This sign-in attempt was already settled');
            const [budget, counted] = await Promise.all([byAddress.penalty(address), towardsAccount.penalty(pairKey)]);
            const isPairLocked = reserved.consumedPoints >= policy.failuresPerAccountAndAddress;
            if (isPairLocked) await byPair.block(pairKey, policy.addressLockMinutes * 60);
            return {
              isPairLocked,
              retryAfterMs: isPairLocked ? lockMs : 0,
              isAddressBudgetSpent: budget.consumedPoints === policy.failuresPerAddressPerDay,
              countsForAccount: counted.consumedPoints <= policy.accountFailuresPerAddressPerDay,
            };
          },
          async succeed() {
            if (settle()) await byPair.delete(pairKey);
          },
          async release() {
            if (!settle()) return;
            const left = await byPair.reward(pairKey);
            if (left.consumedPoints <= 0) await byPair.delete(pairKey);
          },
        },
      };
    },
  };
};

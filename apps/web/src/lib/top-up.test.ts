import type { TopUpOptions } from '@canteen/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  rememberTopUpOrigin,
  topUpAmountProblem,
  topUpForShortfall,
  topUpFormSchema,
  topUpLimitsText,
  topUpOrigin,
} from './top-up';

const OPTIONS: TopUpOptions = {
  isEnabled: true,
  provider: 'sandbox',
  minCents: 500,
  maxCents: 20_000,
  dailyLimitCents: 50_000,
  remainingTodayCents: 50_000,
  presetsCents: [1_000, 2_000, 5_000],
};

describe('topUpForShortfall', () => {
  it('rounds the missing money up to a whole euro, and to at least the minimum', () => {
    expect(topUpForShortfall(350, OPTIONS)).toEqual({ kind: 'possible', amountCents: 500 });
    expect(topUpForShortfall(1_201, OPTIONS)).toEqual({ kind: 'possible', amountCents: 1_300 });
    expect(topUpForShortfall(1_200, OPTIONS)).toEqual({ kind: 'possible', amountCents: 1_200 });
  });

  it('stays within one top-up and what is left today, when that still covers it', () => {
    expect(topUpForShortfall(19_950, OPTIONS)).toEqual({ kind: 'possible', amountCents: 20_000 });
    expect(topUpForShortfall(1_010, { ...OPTIONS, remainingTodayCents: 1_050 })).toEqual({
      kind: 'possible',
      amountCents: 1_050,
    });
  });

  it('says why a top-up cannot cover it', () => {
    expect(topUpForShortfall(350, { ...OPTIONS, isEnabled: false })).toEqual({ kind: 'impossible', why: 'disabled' });
    expect(topUpForShortfall(350, { ...OPTIONS, remainingTodayCents: 400 })).toEqual({
      kind: 'impossible',
      why: 'daily_limit_reached',
    });
    expect(topUpForShortfall(20_001, OPTIONS)).toEqual({ kind: 'impossible', why: 'over_maximum' });
    expect(topUpForShortfall(3_000, { ...OPTIONS, remainingTodayCents: 2_000 })).toEqual({
      kind: 'impossible',
      why: 'over_today',
    });
  });
});

describe('the top-up amount', () => {
  it('is checked against the limits, in words', () => {
    expect(topUpAmountProblem(500, OPTIONS)).toBeNull();
    expect(topUpAmountProblem(499, OPTIONS)).toMatch(/^Top up at least €5[.,]00$/);
    expect(topUpAmountProblem(20_001, OPTIONS)).toMatch(/^Top up at most €200[.,]00 at a time$/);
    expect(topUpAmountProblem(3_000, { ...OPTIONS, remainingTodayCents: 2_000 })).toMatch(/^Only €20[.,]00 is left/);
    expect(topUpAmountProblem(500, { ...OPTIONS, remainingTodayCents: 0 })).toBe("You have reached today's top-up limit");
  });

  it('is typed in euros and must be a plain amount', () => {
    const schema = topUpFormSchema(OPTIONS);
    expect(schema.safeParse({ amount: '12.50' }).success).toBe(true);
    expect(schema.safeParse({ amount: '€20' }).success).toBe(true);
    expect(schema.safeParse({ amount: 'ten' }).error?.issues[0]?.message).toBe('Enter an amount in euros, e.g. 20 or 12.50');
    expect(schema.safeParse({ amount: '-10' }).error?.issues[0]?.message).toBe('Enter an amount in euros, e.g. 20 or 12.50');
    expect(schema.safeParse({ amount: '4.99' }).error?.issues[0]?.message).toMatch(/^Top up at least/);
  });

  it('has its limits said in words', () => {
    expect(topUpLimitsText(OPTIONS)).toMatch(/^From €5[.,]00 to €200[.,]00 at a time\. Up to €500[.,]00 a day\.$/);
    expect(topUpLimitsText({ ...OPTIONS, remainingTodayCents: 30_000 })).toMatch(/€300[.,]00 left of today's €500[.,]00\.$/);
    expect(topUpLimitsText({ ...OPTIONS, remainingTodayCents: 0 })).toMatch(/You have reached today's limit/);
  });
});

describe('where a top-up started', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('is remembered for the payment it started, and is the wallet otherwise', () => {
    const items = new Map<string, string>();
    vi.stubGlobal('sessionStorage', {
      getItem: (key: string) => items.get(key) ?? null,
      setItem: (key: string, value: string) => items.set(key, value),
    });
    expect(topUpOrigin('p1')).toBe('wallet');
    rememberTopUpOrigin('p1', 'cart');
    expect(topUpOrigin('p1')).toBe('cart');
    expect(topUpOrigin('p2')).toBe('wallet');
    items.set('canteen.topUp.origin', '{not json');
    expect(topUpOrigin('p1')).toBe('wallet');
  });

  it('falls back to the wallet where storage is unavailable', () => {
    vi.stubGlobal('sessionStorage', {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    });
    rememberTopUpOrigin('p1', 'cart');
    expect(topUpOrigin('p1')).toBe('wallet');
  });
});

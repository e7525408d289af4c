import { describe, expect, it } from 'vitest';
import {
  LoginSearchSchema,
  MenuSearchSchema,
  ReceiptSearchSchema,
  ReportsSearchSchema,
  ResetPasswordSearchSchema,
  StatementSearchSchema,
  TopUpReturnSearchSchema,
  WalletSearchSchema,
} from './search-params';

const TOKEN = 'a'.repeat(43);

describe('search params', () => {
  it('keeps what the pages use', () => {
    expect(LoginSearchSchema.parse({ redirect: '/orders?x=1' })).toEqual({ redirect: '/orders?x=1' });
    expect(ResetPasswordSearchSchema.parse({ token: TOKEN })).toEqual({ token: TOKEN });
    expect(ReceiptSearchSchema.parse({ placed: true })).toEqual({ placed: true });
    expect(ReceiptSearchSchema.parse({ placed: 'true' })).toEqual({ placed: 'true' });
  });

  it('reads anything else as not given instead of failing the route', () => {
    expect(LoginSearchSchema.parse({ redirect: 42 })).toEqual({ redirect: undefined });
    expect(LoginSearchSchema.parse({})).toEqual({});
    // The shared token rule: a cut-off link is no token at all.
    expect(ResetPasswordSearchSchema.parse({ token: 'short' })).toEqual({ token: undefined });
    expect(ReceiptSearchSchema.parse({ placed: 'yes' })).toEqual({ placed: undefined });
  });

  it("keeps the menu's day when it is a calendar day, and drops anything else", () => {
    expect(MenuSearchSchema.parse({ day: '2026-12-08', q: 'soup' })).toEqual({ day: '2026-12-08', q: 'soup' });
    expect(MenuSearchSchema.parse({ day: '2026-02-30' }).day).toBeUndefined();
    expect(MenuSearchSchema.parse({ day: 'tomorrow' }).day).toBeUndefined();
    expect(MenuSearchSchema.parse({ day: 20261208 }).day).toBeUndefined();
  });

  it('opens the top-up with an amount the API would take, and names a payment by its id', () => {
    const id = '0194f0c2-7d3e-7a11-8b6e-3f1d2c4b5a69';
    expect(WalletSearchSchema.parse({ topUp: true, amount: 500 })).toEqual({ topUp: true, amount: 500 });
    expect(WalletSearchSchema.parse({ topUp: 'yes', amount: 12.5 })).toEqual({ topUp: undefined, amount: undefined });
    expect(TopUpReturnSearchSchema.parse({ payment: id.toUpperCase() })).toEqual({ payment: id });
    expect(TopUpReturnSearchSchema.parse({ payment: 'x' })).toEqual({ payment: undefined });
  });

  it('keeps a report period, department and month the API would take, and drops the rest', () => {
    const id = '0194f0c2-7d3e-7a11-8b6e-3f1d2c4b5a69';
    expect(
      ReportsSearchSchema.parse({
        tab: 'orders',
        range: 'custom',
        from: '2026-12-01',
        to: '2026-12-15',
        departmentId: id,
        by: 'week',
      }),
    ).toEqual({ tab: 'orders', range: 'custom', from: '2026-12-01', to: '2026-12-15', departmentId: id, by: 'week' });
    expect(
      ReportsSearchSchema.parse({
        tab: 'x',
        range: 'forever',
        from: '2026-13-01',
        to: '15/12/2026',
        departmentId: '1',
        by: 'hour',
      }),
    ).toEqual({ tab: undefined, range: undefined, from: undefined, to: undefined, departmentId: undefined, by: undefined });
    expect(StatementSearchSchema.parse({ userId: id, month: '2026-12' })).toEqual({ userId: id, month: '2026-12' });
    expect(StatementSearchSchema.parse({ userId: id, month: '2026-13' })).toEqual({ userId: id, month: undefined });
  });
});

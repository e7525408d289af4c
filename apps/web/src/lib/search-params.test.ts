import { describe, expect, it } from 'vitest';
import { LoginSearchSchema, ReceiptSearchSchema, ResetPasswordSearchSchema } from './search-params';

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
});
